import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SUPERVISOR, api, apiJson, chooseLanguage, detailValue, expectNoSeriousAxeViolations, signIn, tr, yearsAgo, type Locale } from './support.ts';

/**
 * The supervisor's duplicates review, in English: two records of one girl
 * (one typed in Cyrillic from her birth certificate, one in Latin by a
 * school, with a phone and a consent) and two namesakes who are cousins are
 * registered through the API; the supervisor scans the registry from the
 * page, watches the scan end, marks the cousins as different people with a
 * reason, merges the girl's records keeping the given name of the other
 * record, sees the survivor's page with the chosen values and the merged
 * record in its history, opens the archived record and its banner, undoes
 * the merge from the history and sees both records back, then merges again
 * and undoes from the toast. Every step is screenshotted to
 * e2e/artifacts/duplicates-review/ and checked with axe; the queue, the
 * merge screen and the person page are also checked at 360 px.
 */

const here = dirname(fileURLToPath(import.meta.url));
const L: Locale = 'en';
const ART = join(here, 'artifacts', 'duplicates-review');

/** A duplicates review text (`review.*`) exactly as the locale file has it, with `{{name}}` filled in. */
const rv = (key: string, vars?: Record<string, string | number>) => tr(L, `review.${key}`, vars);
const m = (key: string, vars?: Record<string, string | number>) => tr(L, key, vars);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A message with its placeholders matching anything. */
const pattern = (text: string) => new RegExp(escape(text).replace(/\\\{\\\{\w+\\\}\\\}/g, '.+'));

let shotNumber = 0;
/** Screenshot of a step (NN-name.png) and an axe check of the page as it is. */
async function step(page: Page, name: string): Promise<void> {
  shotNumber += 1;
  await page.screenshot({ path: join(ART, `${String(shotNumber).padStart(2, '0')}-${name}.png`), fullPage: true, animations: 'disabled' });
  await expectNoSeriousAxeViolations(page, name);
}

/** At 360 px wide: nothing wider than the screen, and a picture of it. */
async function narrow(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} fits 360 px`).toBeLessThanOrEqual(360);
  await step(page, `${name}-360`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const toast = (page: Page, text: string | RegExp) => page.locator('.toasts .toast').filter({ hasText: text });
const pairCard = (page: Page, ...references: string[]): Locator => {
  let card = page.locator('li.review-pair');
  for (const r of references) card = card.filter({ hasText: r });
  return card;
};

interface Created {
  id: string;
  reference: string;
  version: number;
}

/** Registers a person through the API; a likely duplicate is saved anyway with a reason, as a worker would. */
async function register(page: Page, body: Record<string, unknown>): Promise<Created> {
  const first = await api(page, 'POST', '/api/people', body);
  if (first.status() === 201) return (await first.json()) as Created;
  const error = ((await first.json()) as { error: { code: string; candidates?: { person: { id: string } }[] } }).error;
  expect(error.code, JSON.stringify(error)).toBe('possible_duplicate');
  return apiJson<Created>(page, 'POST', '/api/people', {
    ...body,
    duplicateOverride: { reason: 'Registered by the school before the family was found', candidateIds: (error.candidates ?? []).map((c) => c.person.id) },
  });
}

test('a supervisor scans the registry, dismisses a pair, merges a pair and undoes it', async ({ page }) => {
  test.setTimeout(240_000);
  rmSync(ART, { recursive: true, force: true });
  mkdirSync(ART, { recursive: true });

  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await signIn(page, SUPERVISOR, { totp: true, locale: L });

  // ——— the data: one girl twice, and two cousins of the same name ———
  const org = await apiJson<{ branches: { id: string; code: string }[] }>(page, 'GET', '/api/organisation');
  const branchId = org.branches.find((b) => b.code === 'TAS')!.id;
  const neighbours = await apiJson<{ items: { regionId: string; districtId: string; mahallaId: string }[] }>(page, 'POST', '/api/people/search', { q: 'Iusupova Shahnoza' });
  const { regionId, districtId, mahallaId } = neighbours.items[0]!;
  const place = { branchId, regionId, districtId, mahallaId };
  const born = yearsAgo(9, 40);
  const girlCyrillic = await register(page, { givenName: 'Дилноза', familyName: 'Абдуллаева', nameScript: 'cyrl', sex: 'female', birthDate: born, birthCertificate: 'I-TN 7654321', ...place });
  const girlLatin = await register(page, { givenName: 'Dilnozaxon', familyName: 'Abdullayeva', nameScript: 'latn', sex: 'female', birthDate: born, phone: '+998901112233', ...place });
  await apiJson(page, 'POST', `/api/people/${girlLatin.id}/consents`, { purpose: 'referral', dataCategories: ['identity'], grantedOn: yearsAgo(0, 3) });
  const cousinBorn = yearsAgo(11, 100);
  const cousin1 = await register(page, { givenName: 'Sardor', familyName: 'Tillayev', nameScript: 'latn', sex: 'male', birthDate: cousinBorn, ...place });
  const cousin2 = await register(page, { givenName: 'Сардор', familyName: 'Тиллаев', nameScript: 'cyrl', sex: 'male', birthDate: cousinBorn, ...place });

  // ——— the queue: scan the registry from the page ———
  await page.getByRole('link', { name: rv('nav.title'), exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: rv('title') })).toBeVisible();
  await step(page, 'queue-before-scan');
  // The demo registry is scanned in a blink: the first answers about the scan are held at a running
  // state, so the progress (bar, numbers, what screen readers hear) is seen before the real end.
  let holdRunning = true;
  await page.route('**/api/duplicates/scans/current', async (route) => {
    if (!holdRunning) return route.continue();
    const real = (await (await route.fetch()).json()) as { scan: Record<string, unknown> };
    await route.fulfill({ json: { scan: { ...real.scan, status: 'running', phase: 'matching', processed: 1234, total: 5000, pairsFound: 2, finishedAt: null } } });
  });
  await page.getByRole('button', { name: rv('scan.start'), exact: true }).click();
  const scanSection = page.getByRole('region', { name: rv('scan.title') });
  const progress = scanSection.getByRole('progressbar', { name: rv('scan.progressLabel') });
  await expect(progress).toHaveAttribute('value', '24');
  await expect(scanSection).toContainText(rv('scan.progress', { processed: '1,234', total: '5,000', percent: 24 }));
  await expect(scanSection).toContainText(rv('scan.pairsSoFar_other', { count: 2 }));
  await expect(scanSection.getByRole('status')).toHaveText(rv('scan.announceRunning', { phase: rv('scan.phase.matching'), percent: 20 }));
  await expect(scanSection.getByRole('button', { name: rv('scan.start') })).toBeDisabled();
  await step(page, 'scan-running');
  holdRunning = false;
  await page.unroute('**/api/duplicates/scans/current');
  // Then the result, said politely.
  await expect(scanSection.getByText(pattern(rv('scan.done_other')))).toBeVisible({ timeout: 60_000 });
  await expect(scanSection.getByRole('status')).toHaveText(pattern(rv('scan.announceDone_other')));
  await expect(pairCard(page, girlCyrillic.reference, girlLatin.reference)).toBeVisible();
  await expect(pairCard(page, cousin1.reference, cousin2.reference)).toBeVisible();
  await step(page, 'queue-after-scan');
  await narrow(page, 'queue');

  // ——— the cousins are two people: dismissed with a reason ———
  const cousins = pairCard(page, cousin1.reference, cousin2.reference);
  await cousins.getByRole('button', { name: new RegExp(`^${escape(rv('pair.dismiss'))}`) }).click();
  const dismissDialog = page.getByRole('dialog', { name: rv('dismiss.title') });
  await dismissDialog.getByRole('button', { name: rv('dismiss.submit') }).click();
  await expect(dismissDialog.getByText(m('fieldErrors.required')).first()).toBeVisible();
  await step(page, 'dismiss-reason-required');
  await dismissDialog.getByLabel(rv('dismiss.reason')).fill('Cousins named after the same grandfather; checked both birth certificates.');
  await dismissDialog.getByRole('button', { name: rv('dismiss.submit') }).click();
  await expect(toast(page, rv('dismiss.done'))).toBeVisible();
  await expect(cousins).toHaveCount(0);
  // The card that had focus is gone: focus waits on the queue's heading, not lost at the top of the page.
  await expect(page.getByRole('heading', { level: 2, name: rv('queue.title') })).toBeFocused();
  await page.getByLabel(rv('queue.status'), { exact: true }).selectOption('dismissed');
  await expect(pairCard(page, cousin1.reference, cousin2.reference)).toContainText('checked both birth certificates');
  await step(page, 'queue-dismissed');
  await page.getByLabel(rv('queue.status'), { exact: true }).selectOption('open');

  // ——— the girl's two records: merged, keeping the given name of the other record ———
  await pairCard(page, girlCyrillic.reference, girlLatin.reference).getByRole('link', { name: new RegExp(`^${escape(rv('pair.compare'))}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: rv('merge.title') })).toBeVisible();
  const survivorChoice = page.getByRole('group', { name: rv('merge.survivor.legend') });
  // Equally complete (a certificate against a phone): the record registered first is suggested, and the hint says why.
  await expect(survivorChoice.getByRole('radio', { name: new RegExp(`^${escape(girlCyrillic.reference)}`) })).toBeChecked();
  await expect(survivorChoice).toContainText(rv('merge.survivor.older', { reference: girlCyrillic.reference }));
  const givenName = page.getByRole('group', { name: m('person.fields.givenName'), exact: true });
  await givenName.getByRole('radio', { name: new RegExp(`from ${escape(girlLatin.reference)}`) }).check();
  // The survivor has no phone: the other record's is kept unless the supervisor says otherwise.
  await expect(page.getByRole('group', { name: m('person.fields.phone') }).getByRole('radio', { name: /\+998 90 111 22 33/ })).toBeChecked();
  await expect(page.getByRole('region', { name: rv('merge.summary.title') })).toContainText(rv('merge.summary.archive', { merged: girlLatin.reference, survivor: girlCyrillic.reference }));
  await step(page, 'merge-screen');
  await narrow(page, 'merge-screen');
  await page.getByRole('button', { name: rv('merge.submit') }).click();

  // ——— the survivor: chosen values, and the merged record in its history ———
  await expect(page).toHaveURL(new RegExp(`/people/${girlCyrillic.id}$`));
  await expect(toast(page, rv('merge.done', { reference: girlCyrillic.reference }))).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Dilnozaxon|Дилнозахон/);
  await expect(detailValue(page, m('person.fields.phone'))).toHaveText('+998 90 111 22 33');
  await expect(detailValue(page, m('person.fields.birthCertificate'))).toHaveText('I-TN 7654321');
  const history = page.getByRole('region', { name: rv('history.title') });
  await expect(history.getByRole('link', { name: `Abdullayeva Dilnozaxon (${girlLatin.reference})`, exact: true })).toBeVisible();
  await expect(history).toContainText(rv('history.movedItem', { label: rv('history.tables.consent'), count: 1 }));
  await expect(history).toContainText('Bahodir Karimov');
  await step(page, 'survivor-after-merge');
  await narrow(page, 'survivor-after-merge');

  // ——— the archived record points to the survivor ———
  await page.locator('.toasts .toast-close').first().click();
  await history.getByRole('link', { name: `Abdullayeva Dilnozaxon (${girlLatin.reference})`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${girlLatin.id}$`));
  await expect(page.getByText(pattern(rv('banner.text')))).toBeVisible();
  await expect(page.locator('.page-subtitle')).toContainText(m('common.archived'));
  const toSurvivor = page.getByRole('link', { name: new RegExp(`${escape(girlCyrillic.reference)}`) });
  await expect(toSurvivor).toBeVisible();
  await step(page, 'merged-record-banner');

  // ——— undo from the history: both records back as they were ———
  await toSurvivor.click();
  await expect(page).toHaveURL(new RegExp(`/people/${girlCyrillic.id}$`));
  await history.getByRole('button', { name: new RegExp(`^${escape(rv('history.undo'))}`) }).click();
  const undoDialog = page.getByRole('dialog', { name: rv('history.undoTitle') });
  await expect(undoDialog).toContainText(rv('history.undoText', { merged: `Abdullayeva Dilnozaxon (${girlLatin.reference})` }));
  await step(page, 'undo-dialog');
  await undoDialog.getByRole('button', { name: rv('history.undo') }).click();
  await expect(toast(page, rv('history.undone', { reference: girlLatin.reference }))).toBeVisible();
  await expect(history).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Дилноза|Dilnoza/);
  await expect(page.getByRole('heading', { level: 1 })).not.toContainText(/Dilnozaxon|Дилнозахон/);
  await expect(detailValue(page, m('person.fields.phone'))).toHaveText(m('common.notRecorded'));
  await step(page, 'survivor-after-undo');
  await page.goto(`/people/${girlLatin.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Dilnozaxon|Дилнозахон/);
  await expect(page.getByText(pattern(rv('banner.text')))).toHaveCount(0);
  await expect(page.locator('.page-subtitle')).not.toContainText(m('common.archived'));
  await expect(detailValue(page, m('person.fields.phone'))).toHaveText('+998 90 111 22 33');

  // The pair is back in the queue.
  await page.goto('/duplicates');
  const girlPair = pairCard(page, girlCyrillic.reference, girlLatin.reference);
  await expect(girlPair).toBeVisible();

  // ——— merged again, and undone straight from the toast ———
  await girlPair.getByRole('link', { name: new RegExp(`^${escape(rv('pair.compare'))}`) }).click();
  await page.getByRole('button', { name: rv('merge.submit') }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${girlCyrillic.id}$`));
  const mergedToast = toast(page, rv('merge.done', { reference: girlCyrillic.reference }));
  await expect(mergedToast).toBeVisible();
  await expect(page.getByRole('region', { name: rv('history.title') })).toBeVisible();
  await step(page, 'toast-with-undo');
  await mergedToast.getByRole('button', { name: rv('merge.undo'), exact: true }).click();
  await expect(toast(page, rv('history.undone', { reference: girlLatin.reference }))).toBeVisible();
  await expect(page.getByRole('region', { name: rv('history.title') })).toHaveCount(0);
  const after = await apiJson<{ person: { archivedAt: string | null; mergedIntoId?: string | null; birthDate: string } }>(page, 'GET', `/api/people/${girlLatin.id}`);
  expect(after.person).toMatchObject({ archivedAt: null, mergedIntoId: null, birthDate: born });

  // ——— the longer Russian words fit a phone too (the account's language is put back after) ———
  await chooseLanguage(page, 'ru');
  await page.goto('/duplicates');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Возможные дубликаты');
  await expect(pairCard(page, girlCyrillic.reference, girlLatin.reference)).toContainText('Абдуллаева Дилноза');
  await narrow(page, 'queue-ru');
  await page.goto(`/people/${girlCyrillic.id}/merge/${girlLatin.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Объединение двух записей');
  await narrow(page, 'merge-screen-ru');
  await chooseLanguage(page, 'en');
});
