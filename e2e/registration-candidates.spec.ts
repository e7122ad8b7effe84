import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page, type Request } from '@playwright/test';
import { WORKER, apiJson, expectNoSeriousAxeViolations, signIn, tr } from './support.ts';

/**
 * Possible duplicates while a person is typed: on the new-person form, under
 * a new household member, and on the edit form. Nothing is saved here (the
 * saves are answered in the browser after their bodies are checked), so the
 * demo registry stays as other journeys expect it.
 */

const E = 'en' as const;
const t = (key: string, vars?: Record<string, string | number>) => tr(E, key, vars);
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts', 'registration-candidates');

async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

/** The panel's heading, whatever the count: other journeys may register namesakes in the same demo registry. */
const panelTitle = new RegExp(`^(${[t('duplicates.title_one'), t('duplicates.title_other')].map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{\\{count\\}\\}', '\\d+')).join('|')})$`);

/** Answers the next save in the browser and hands back its body. */
function interceptSave(page: Page, url: string, reply: unknown): Promise<Record<string, any>> {
  return new Promise((resolve) => {
    void page.route(url, async (route, request: Request) => {
      if (request.method() !== 'POST') return route.fallback();
      resolve(request.postDataJSON() as Record<string, any>);
      await route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify(reply) });
    });
  });
}

test('the new-person form shows «Ғайрат Юсупов» may be "Gayrat Iusupov" while typing, and asks the reason before saving', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, WORKER, { locale: E });
  const checks: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/people/duplicates/check')) checks.push(r.postData() ?? '');
  });
  await page.goto('/people/new');
  await expect(page.getByRole('heading', { level: 1, name: t('people.newTitle') })).toBeVisible();

  await page.getByRole('textbox', { name: t('person.fields.familyName'), exact: true }).fill('Юсупов');
  await page.getByRole('textbox', { name: t('person.fields.givenName'), exact: true }).pressSequentially('Ғайрат', { delay: 30 });
  const panel = page.getByRole('region', { name: panelTitle });
  await expect(panel).toBeVisible();
  // The count is announced; names are not.
  await expect(page.getByRole('status').filter({ hasText: /\d+ possible duplicates? found/ })).toHaveCount(1);
  const candidate = panel.getByRole('link', { name: new RegExp(`^Iusupov Gayrat ${t('common.opensInNewTab').replace(/[()]/g, '\\$&')}$`) });
  await expect(candidate).toHaveAttribute('target', '_blank');
  const reasons = panel.getByRole('list', { name: t('duplicates.reasonsLabel'), exact: true });
  await expect(reasons.first().getByRole('listitem').filter({ hasText: t('duplicates.reasons.name_same') })).toHaveCount(1);
  await expect(panel.getByText(t('duplicates.band.possible'), { exact: true }).first()).toBeVisible();
  // Typing one check's worth of letters asks once, not once a letter.
  expect(checks.length).toBeLessThanOrEqual(2);

  await page.getByRole('radio', { name: t('sex.male'), exact: true }).check();
  await page.getByRole('textbox', { name: t('person.fields.birthDate'), exact: true }).fill('14.05.2012');
  await expect(panel.getByText(t('duplicates.band.likely'), { exact: true }).first()).toBeVisible();
  await expect(reasons.first().getByRole('listitem').filter({ hasText: t('duplicates.reasons.birth_date_same') })).toHaveCount(1);
  const reason = panel.getByRole('textbox', { name: t('duplicates.reason') });
  await expect(reason).toBeVisible();
  const save = page.getByRole('button', { name: t('duplicates.registerAnyway'), exact: true });
  await expect(save).toBeVisible();
  await snap(page, '01-new-person-likely-duplicate');
  await expectNoSeriousAxeViolations(page, 'new person with candidates');

  // — Saving without a reason is stopped before anything is sent.
  let posted = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/people')) posted += 1;
  });
  await save.click();
  const summary = page.locator('.error-summary');
  await expect(summary.getByRole('link', { name: `${t('duplicates.reasonSummary')}: ${t('fieldErrors.required')}` })).toBeVisible();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  expect(posted).toBe(0);
  await snap(page, '02-reason-asked-up-front');

  // — With a reason the save carries it and every candidate shown.
  const shown = await panel.locator('a[target=_blank]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.split('/').pop()!));
  await reason.fill('Different parents: checked with the mahalla');
  const saved = interceptSave(page, '**/api/people', { id: shown[0], reference: 'P-TEST' });
  await save.click();
  const body = await saved;
  expect(body['duplicateOverride']).toEqual({ reason: 'Different parents: checked with the mahalla', candidateIds: shown });
  await context.close();
});

test('a likely duplicate the live check had not shown still comes back as a 409 and joins the panel', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, WORKER, { locale: E });
  // The live check answers nothing, as if it had not caught up with the typing.
  await page.route('**/api/people/duplicates/check', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"candidates":[]}' }));
  await page.goto('/people/new');
  await page.getByRole('textbox', { name: t('person.fields.familyName'), exact: true }).fill('Iusupov');
  await page.getByRole('textbox', { name: t('person.fields.givenName'), exact: true }).fill('Gʻayrat');
  await page.getByRole('radio', { name: t('sex.male'), exact: true }).check();
  await page.getByRole('textbox', { name: t('person.fields.birthDate'), exact: true }).fill('14.05.2012');
  await page.getByRole('button', { name: t('people.register'), exact: true }).click();
  const panel = page.getByRole('region', { name: panelTitle });
  await expect(panel).toBeVisible();
  await expect(page.locator('.error-summary')).toContainText(t('errors.possible_duplicate'));
  const reason = panel.getByRole('textbox', { name: t('duplicates.reason') });
  await reason.fill('Twins registered apart');
  const saved = interceptSave(page, '**/api/people', { id: '00000000-0000-4000-8000-000000000001', reference: 'P-TEST' });
  await page.getByRole('button', { name: t('duplicates.registerAnyway'), exact: true }).click();
  expect((await saved)['duplicateOverride']).toMatchObject({ reason: 'Twins registered apart', candidateIds: expect.arrayContaining([expect.any(String)]) });
  await context.close();
});

test('a new household member and an edited person get their candidates too', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, WORKER, { locale: E });

  // — A household typed with its child.
  await page.goto('/households/new');
  await page.getByRole('textbox', { name: t('households.fields.displayName'), exact: true }).fill('Yusupovlar');
  await page.getByRole('button', { name: t('households.addNewPerson'), exact: true }).click();
  await page.getByRole('textbox', { name: t('person.fields.familyName'), exact: true }).fill('Юсупов');
  await page.getByRole('textbox', { name: t('person.fields.givenName'), exact: true }).fill('Ғайрат');
  await page.getByRole('radio', { name: t('sex.male'), exact: true }).check();
  await page.getByRole('textbox', { name: t('person.fields.birthDate'), exact: true }).fill('14.05.2012');
  await page.getByRole('combobox', { name: t('households.fields.relationship'), exact: true }).selectOption('child');
  const panel = page.getByRole('region', { name: panelTitle });
  await expect(panel.getByRole('heading', { level: 3 })).toBeVisible();
  await expect(panel.getByText(t('duplicates.band.likely'), { exact: true }).first()).toBeVisible();
  const noScroll = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(noScroll).toBeLessThanOrEqual(360);
  await page.getByRole('button', { name: t('households.register'), exact: true }).click();
  await expect(page.locator('.error-summary').getByRole('link', { name: new RegExp(t('duplicates.reasonSummary')) })).toBeVisible();
  await snap(page, '03-household-member-phone');
  await expectNoSeriousAxeViolations(page, 'household member with candidates');
  await panel.getByRole('textbox', { name: t('duplicates.reason') }).fill('Another family, same names');
  const saved = interceptSave(page, '**/api/households', { household: { id: '00000000-0000-4000-8000-000000000002', reference: 'H-TEST' }, members: [] });
  await page.getByRole('button', { name: t('households.register'), exact: true }).click();
  const body = await saved;
  expect(body['members'][0].person.duplicateOverride).toMatchObject({ reason: 'Another family, same names', candidateIds: expect.arrayContaining([expect.any(String)]) });

  // — The edit form checks again once a name changes, leaving the person out of their own candidates.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  // Madina (demo, 2016) retyped as her brother Aziz (2013): he is found, she is not her own candidate.
  const madina = (await apiJson<{ items: { id: string; birthDate: string }[] }>(page, 'POST', '/api/people/search', { q: 'Madina Rahimova', page: 1, pageSize: 20, sort: 'relevance' }))
    .items.find((p) => p.birthDate === '2016-01-20');
  await page.goto(`/people/${madina!.id}/edit`);
  const given = page.getByRole('textbox', { name: t('person.fields.givenName'), exact: true });
  await expect(given).toHaveValue('Madina');
  await page.waitForTimeout(800);
  await expect(page.locator('.duplicates')).toHaveCount(0);
  await given.fill('Aziz');
  await page.getByRole('textbox', { name: t('person.fields.familyName'), exact: true }).fill('Rahimov');
  await page.getByRole('radio', { name: t('sex.male'), exact: true }).check();
  await page.getByRole('textbox', { name: t('person.fields.birthDate'), exact: true }).fill('02.09.2013');
  const editPanel = page.getByRole('region', { name: panelTitle });
  await expect(editPanel).toContainText(t('duplicates.editText'));
  await expect(editPanel.locator('a[href^="/people/"]')).not.toHaveCount(0);
  await expect(editPanel.locator(`a[href="/people/${madina!.id}"]`)).toHaveCount(0);
  await expect(editPanel.getByRole('link', { name: /^Rahimov Aziz / })).toBeVisible();
  await expect(editPanel.getByRole('textbox')).toHaveCount(0);
  await snap(page, '04-edit-form-phone');
  await context.close();
});

test('adding a new member to an existing household checks them too, with the reason asked up front', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, WORKER, { locale: E });
  const households = await apiJson<{ items: { id: string; displayName: string }[] }>(page, 'POST', '/api/households/search', { q: 'Rahimovlar', page: 1, pageSize: 5, sort: 'relevance' });
  const rahimovs = households.items.find((h) => h.displayName === 'Rahimovlar oilasi')!;
  await page.goto(`/households/${rahimovs.id}`);
  await page.getByRole('button', { name: t('households.addMember'), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: t('households.addMember') });
  await dialog.getByRole('button', { name: t('households.addNewPerson'), exact: true }).click();
  // Aziz (demo, 2013, of this family) typed again in Cyrillic, as a second worker might.
  await dialog.getByRole('textbox', { name: t('person.fields.familyName'), exact: true }).fill('Раҳимов');
  await dialog.getByRole('textbox', { name: t('person.fields.givenName'), exact: true }).fill('Азиз');
  await dialog.getByRole('radio', { name: t('sex.male'), exact: true }).check();
  await dialog.getByRole('textbox', { name: t('person.fields.birthDate'), exact: true }).fill('02.09.2013');
  await dialog.getByRole('combobox', { name: t('households.fields.relationship'), exact: true }).selectOption('child');
  const panel = dialog.getByRole('region', { name: panelTitle });
  await expect(panel.getByRole('link', { name: /^Rahimov Aziz / })).toBeVisible();
  await expect(panel.getByText(t('duplicates.band.likely'), { exact: true }).first()).toBeVisible();
  let posted = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/members')) posted += 1;
  });
  await dialog.getByRole('button', { name: t('households.addMember'), exact: true }).click();
  await expect(dialog.locator('.error-summary').getByRole('link', { name: new RegExp(t('duplicates.reasonSummary')) })).toBeVisible();
  expect(posted).toBe(0);
  await snap(page, '05-add-member-dialog');
  await expectNoSeriousAxeViolations(page, 'add member with candidates');
  await panel.getByRole('textbox', { name: t('duplicates.reason') }).fill('Checking with the mother which record is right');
  const saved = interceptSave(page, `**/api/households/${rahimovs.id}/members`, { household: { id: rahimovs.id }, members: [] });
  await dialog.getByRole('button', { name: t('households.addMember'), exact: true }).click();
  expect((await saved)['person'].duplicateOverride).toMatchObject({ reason: 'Checking with the mother which record is right', candidateIds: expect.arrayContaining([expect.any(String)]) });
  await context.close();
});
