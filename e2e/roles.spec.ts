import { expect, test, type Page } from '@playwright/test';
import { EDITOR, ME_OFFICER, PARTNER, WORKER, api, apiJson, expectNoSeriousAxeViolations, shot, signIn, uniqueSuffix } from './support.ts';

/**
 * What each role sees: the M&E officer no names, the mahalla partner no
 * contacts or notes, the editor no case records at all.
 */

test.use({ locale: 'en-GB' });

/** The labels of a page's details card, in order. */
async function detailLabels(page: Page): Promise<string[]> {
  return page.locator('.details-row dt').allTextContents();
}

test('the M&E officer sees no names and cannot search by name', async ({ page }) => {
  await signIn(page, ME_OFFICER, { locale: 'en' });
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Sherzod Aliyev' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();

  // No search box, and the page says why; the other filters are still there.
  await expect(page.getByRole('searchbox')).toHaveCount(0);
  await expect(page.getByText('Your role sees no names, so you can filter the list but not search it.', { exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Branch', exact: true })).toBeVisible();

  // The list: references and age bands, no name column and no names.
  const table = page.getByRole('table');
  const headers = await table.getByRole('columnheader').allTextContents();
  expect(headers).toEqual(expect.arrayContaining(['Reference', 'Age']));
  expect(headers).not.toContain('Name');
  expect(headers.some((h) => h.startsWith('Date of birth'))).toBe(false);
  const references = table.locator('tbody').getByRole('rowheader');
  await expect(references.first()).toHaveText(/^P-\d+$/);
  expect(await references.count()).toBeGreaterThanOrEqual(13); // every branch: the organisation-wide view
  for (const text of await references.allTextContents()) expect(text).toMatch(/^P-\d+$/);
  const body = await table.locator('tbody').innerText();
  for (const name of ['Gayrat', 'Iusupov', 'Rahimova', 'Dilnoza', 'Тошматов', 'Бобур', 'Эргашев', 'Qodirov']) expect(body).not.toContain(name);
  // Ages as bands, never an exact date of birth.
  const ages = await table.locator('tbody td[data-label="Age"]').allTextContents();
  expect(ages.length).toBe(await references.count());
  for (const age of ages) expect(age).toMatch(/^(\d+-\d+|\d+\+) years$/);
  await expect(table.getByText('12-14 years', { exact: true }).first()).toBeVisible();
  await shot(page, '01-people-deidentified');
  await expectNoSeriousAxeViolations(page, 'people (M&E)');

  // A record: titled by its reference, with no name and no date of birth.
  await references.first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: /^Person P-\d+$/ })).toBeVisible();
  await expect(page.getByText('You see de-identified records: no names, documents or exact dates of birth.')).toBeVisible();
  const labels = await detailLabels(page);
  expect(labels).toContain('Age');
  for (const hidden of ['Name in the other script', 'Date of birth', 'PINFL', 'Phone', 'Birth certificate']) expect(labels).not.toContain(hidden);
  await expect(page.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
  await shot(page, '02-person-deidentified');
  await expectNoSeriousAxeViolations(page, 'person (M&E)');
});

test('the mahalla partner sees the household but not its phone or notes', async ({ browser }) => {
  // A social worker registers a family in the partner's mahalla team, with a phone and notes.
  const suffix = uniqueSuffix();
  const name = `Karimovlar ${suffix}`;
  const notes = `Father works in Russia; visit after 18:00 (${suffix})`;
  const workerContext = await browser.newContext();
  const worker = await workerContext.newPage();
  await signIn(worker, WORKER, { locale: 'en' });
  const org = await apiJson<{ branches: { id: string; code: string }[]; teams: { id: string; branchId: string; name: string }[] }>(worker, 'GET', '/api/organisation');
  const tas = org.branches.find((b) => b.code === 'TAS')!;
  const team = org.teams.find((x) => x.branchId === tas.id)!;
  const created = await apiJson<{ household: { id: string } }>(worker, 'POST', '/api/households', {
    displayName: name, phone: '+998901112233', notes, regionId: null, districtId: null, mahallaId: null, addressLine: 'Chilonzor 7, 15',
    branchId: tas.id, teamId: team.id, assignedWorkerId: null,
    members: [{ person: { familyName: 'Karimova', givenName: `Lola${suffix.toLowerCase()}`, sex: 'female', birthDate: '2015-03-08', birthDateEstimated: false }, relationship: 'child', isPrimaryCaregiver: false }],
  });
  const address = `/households/${created.household.id}`;

  // The worker's own view has them: the partner's view below is missing them by design, not by accident.
  await worker.goto(address);
  await expect(worker.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(worker.getByText('+998 90 111 22 33', { exact: true })).toBeVisible();
  await expect(worker.getByText(notes, { exact: true })).toBeVisible();
  await workerContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, PARTNER, { locale: 'en' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Households', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Households' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search by household or member name', exact: true }).fill(name);
  await page.getByRole('table').getByRole('link', { name, exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const labels = await detailLabels(page);
  expect(labels).toEqual(expect.arrayContaining(['Address', 'Branch', 'Mahalla team']));
  expect(labels).not.toContain('Household phone');
  expect(labels).not.toContain('Notes');
  expect(labels).not.toContain('Assigned worker');
  await expect(page.getByText('+998 90 111 22 33')).toHaveCount(0);
  await expect(page.getByText('Chilonzor 7, 15')).toHaveCount(0);
  await expect(page.getByText(notes)).toHaveCount(0);
  // Names are what a partner works with: the member is listed by name.
  await expect(page.getByRole('heading', { level: 2, name: '1 member' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('rowheader')).toContainText(`Karimova Lola${suffix.toLowerCase()}`);
  await expect(page.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
  // Not only hidden on the page: the API does not send them.
  const sent = await apiJson<{ household: Record<string, unknown> }>(page, 'GET', `/api/households/${created.household.id}`);
  expect(sent.household).not.toHaveProperty('phone');
  expect(sent.household).not.toHaveProperty('notes');
  await shot(page, '01-household-partner');
  await expectNoSeriousAxeViolations(page, 'household (partner)');
  await context.close();
});

test('the editor has no People or Households, and /people is forbidden', async ({ page }) => {
  await signIn(page, EDITOR, { locale: 'en' });
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Aziza Umarova' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Home', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'People', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Households', exact: true })).toHaveCount(0);
  await expect(page.getByText('There is nothing in the staff app for your role yet.')).toBeVisible();
  await shot(page, '01-home-editor');
  await expectNoSeriousAxeViolations(page, 'home (editor)');

  for (const path of ['/people', '/households']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Not available for your role' })).toBeVisible();
    await expect(page.getByText('Your role does not give access to this page.')).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Back to the home page', exact: true })).toBeVisible();
  }
  await shot(page, '02-forbidden');
  await expectNoSeriousAxeViolations(page, 'forbidden page');
  // The server refuses too.
  expect((await api(page, 'POST', '/api/people/search', { page: 1, pageSize: 5, sort: 'relevance' })).status()).toBe(403);
});
