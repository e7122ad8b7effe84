import { expect, test, type Locator } from '@playwright/test';
import {
  WORKER, anyLocale, api, apiJson, ddmmyyyy, detailValue, expectNoSeriousAxeViolations, pageLocale, shot, signIn, tr, uniqueSuffix, yearsAgo,
} from './support.ts';

/**
 * Issue 2's journey, in order, as a social worker: the sign-in page in the
 * browser's language, switching to Uzbek Cyrillic, registering a family typed
 * in Cyrillic, finding a child by their Latin name, an edit that meets
 * someone else's newer version, and signing out.
 */

const C = 'uz-Cyrl' as const;
const t = (key: string, vars?: Record<string, string | number>) => tr(C, key, vars);

/** Fills one member row of the household form: a new person typed in Cyrillic. */
async function fillMember(
  row: Locator,
  m: { family: string; given: string; sex: 'female' | 'male'; born: string; relationship: string; caregiver?: boolean },
): Promise<void> {
  await row.getByRole('textbox', { name: t('person.fields.familyName'), exact: true }).fill(m.family);
  await row.getByRole('textbox', { name: t('person.fields.givenName'), exact: true }).fill(m.given);
  await row.getByRole('radio', { name: t(`sex.${m.sex}`), exact: true }).check();
  await row.getByRole('textbox', { name: t('person.fields.birthDate'), exact: true }).fill(ddmmyyyy(m.born));
  await row.getByRole('combobox', { name: t('households.fields.relationship'), exact: true }).selectOption(m.relationship);
  if (m.caregiver) await row.getByRole('checkbox', { name: t('households.primaryCaregiver'), exact: true }).check();
}

async function expectAltNames(row: Locator, family: string, given: string): Promise<void> {
  await expect(row.getByRole('textbox', { name: t('person.fields.familyNameAlt'), exact: true })).toHaveValue(family);
  await expect(row.getByRole('textbox', { name: t('person.fields.givenNameAlt'), exact: true })).toHaveValue(given);
}

/** The main navigation in Uzbek Cyrillic: the worker's sections by their Cyrillic names, and no Latin text. */
async function expectCyrillicNav(nav: Locator): Promise<void> {
  for (const name of ['Бош саҳифа', 'Шахслар', 'Хонадонлар']) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  const texts = await nav.getByRole('link').allTextContents();
  // Soft: an untranslated section is reported, and the journey goes on.
  for (const text of texts) expect.soft(text, 'every navigation link is in Cyrillic').toMatch(/^[\u0400-\u04FF\s-]+$/);
}

test('a social worker: Russian sign-in, Uzbek Cyrillic, a family in Cyrillic, Latin search, an edit conflict, sign-out', async ({ browser }) => {
  test.setTimeout(150_000);
  const context = await browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  const suffix = uniqueSuffix();
  const householdName = `Раҳимовлар ${suffix}`;
  // Birth dates of this run's family, well away from today so ages do not flip during the run.
  const born = { mother: yearsAgo(36, 40), son: yearsAgo(9, 80), daughter: yearsAgo(6, 120) };

  // — 1. The sign-in page speaks the browser's language.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Вход в Oila' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page).toHaveTitle('Вход в Oila · Oila');
  await expect(page.getByLabel('Пароль', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Войти', exact: true })).toBeVisible();
  await shot(page, '01-sign-in-ru');
  await expectNoSeriousAxeViolations(page, 'sign-in (ru)');

  // — 2. Sign in; the account's saved language takes over.
  await signIn(page, WORKER);
  const saved = await pageLocale(page);
  await expect(page.getByRole('heading', { level: 1, name: tr(saved, 'home.title', { name: 'Malika Tursunova' }) })).toBeVisible();
  await shot(page, '02-home-signed-in');
  await expectNoSeriousAxeViolations(page, 'home');

  // — 3. Switch to Uzbek Cyrillic in the top bar; it sticks.
  if (saved === C) {
    // Someone left the account in Cyrillic: start from Russian so the switch is a visible change.
    await page.getByRole('combobox', { name: t('app.language'), exact: true }).selectOption('ru');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  }
  const from = await pageLocale(page);
  await page.getByRole('combobox', { name: tr(from, 'app.language'), exact: true }).selectOption(C);
  await expect(page.locator('html')).toHaveAttribute('lang', 'uz-Cyrl');
  const nav = page.getByRole('navigation', { name: 'Асосий меню' });
  await expectCyrillicNav(nav);
  await expect(page.getByRole('heading', { level: 1, name: 'Хуш келибсиз, Malika Tursunova' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Чиқиш', exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Тил', exact: true })).toBeEnabled();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uz-Cyrl');
  await expectCyrillicNav(nav);
  await expect(page.getByRole('heading', { level: 1, name: 'Хуш келибсиз, Malika Tursunova' })).toBeVisible();
  // Saved to the account, not only to this browser.
  const session = await apiJson<{ stage: string; user: { locale: string } }>(page, 'GET', '/api/auth/session');
  expect(session.user.locale).toBe('uz-Cyrl');
  await shot(page, '03-home-uz-cyrl-after-reload');
  await expectNoSeriousAxeViolations(page, 'home (uz-Cyrl)');

  // — 4. The households list.
  await nav.getByRole('link', { name: 'Хонадонлар', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Хонадонлар' })).toBeVisible();
  const households = page.getByRole('table');
  await expect(households.getByRole('link', { name: 'Iusupovs', exact: true })).toBeVisible();
  await expect(households.getByRole('link', { name: 'Тошматовлар', exact: true })).toBeVisible();
  // Samarkand's family is outside a Tashkent worker's reach.
  await expect(households.getByRole('link', { name: 'Эргашевлар оиласи' })).toHaveCount(0);
  await shot(page, '04-households');
  await expectNoSeriousAxeViolations(page, 'households list');

  // — 5. Register a household: a mother and two children, typed in Cyrillic.
  await page.getByRole('link', { name: t('households.new'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('households.newTitle') })).toBeVisible();
  await expect(page.getByText(t('households.noMembersYet'))).toBeVisible();
  await shot(page, '05-household-form-empty');
  await expectNoSeriousAxeViolations(page, 'household form (empty)');

  await page.getByRole('textbox', { name: t('households.fields.displayName'), exact: true }).fill(householdName);
  const addPerson = page.getByRole('button', { name: t('households.addNewPerson'), exact: true });
  const row = (n: number) => page.getByRole('region', { name: new RegExp(`^${n}-аъзо: `) });

  await addPerson.click();
  await fillMember(row(1), { family: 'Раҳимова', given: 'Зулайҳо', sex: 'female', born: born.mother, relationship: 'mother', caregiver: true });
  await addPerson.click();
  await fillMember(row(2), { family: 'Раҳимов', given: 'Ғайратжон', sex: 'male', born: born.son, relationship: 'child' });
  await addPerson.click();
  await fillMember(row(3), { family: 'Раҳимова', given: 'Дилноза', sex: 'female', born: born.daughter, relationship: 'child' });

  // Each row is named after the person as typed, and the Latin spelling is suggested.
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(['1-аъзо: Раҳимова Зулайҳо', '2-аъзо: Раҳимов Ғайратжон', '3-аъзо: Раҳимова Дилноза']);
  await expectAltNames(row(1), 'Rahimova', 'Zulayho');
  await expectAltNames(row(2), 'Rahimov', 'Gʻayratjon');
  await expectAltNames(row(3), 'Rahimova', 'Dilnoza');
  await expect(row(2).getByRole('radio', { name: 'Кирилл', exact: true })).toBeChecked();
  await expect(row(2).getByText(t('person.altHint', { script: 'Лотин' }))).toBeVisible();
  await shot(page, '06-household-form-filled');
  await expectNoSeriousAxeViolations(page, 'household form (filled)');

  await page.getByRole('button', { name: t('households.register'), exact: true }).click();

  // — 6. The new household.
  await expect(page.getByRole('heading', { level: 1, name: householdName })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Хонадон H-\d+ рақами билан рўйхатга олинди\./ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '3 та аъзо' })).toBeVisible();
  const members = page.getByRole('table');
  await expect(members.locator('tbody tr')).toHaveCount(3);
  const memberRow = (name: string) => members.locator('tbody tr').filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(memberRow('Раҳимова Зулайҳо')).toContainText('Она');
  await expect(memberRow('Раҳимова Зулайҳо')).toContainText(t('households.primaryCaregiver'));
  await expect(memberRow('Раҳимова Зулайҳо')).toContainText(ddmmyyyy(born.mother));
  await expect(memberRow('Раҳимов Ғайратжон')).toContainText('Фарзанд');
  await expect(memberRow('Раҳимов Ғайратжон')).toContainText(ddmmyyyy(born.son));
  await expect(memberRow('Раҳимова Дилноза')).toContainText('Фарзанд');
  await expect(memberRow('Раҳимова Дилноза')).toContainText(ddmmyyyy(born.daughter));
  const childHref = await members.getByRole('link', { name: 'Раҳимова Дилноза', exact: true }).getAttribute('href');
  expect(childHref).toMatch(/^\/people\/[0-9a-f-]{36}$/);
  const childId = childHref!.split('/').pop()!;
  await shot(page, '07-household-view');
  await expectNoSeriousAxeViolations(page, 'household view');

  // — 7. Find the girl by typing her name in Latin.
  await nav.getByRole('link', { name: 'Шахслар', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Шахслар' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('link', { name: 'Иусупов Гайрат', exact: true })).toBeVisible();
  await shot(page, '08-people-list');
  await expectNoSeriousAxeViolations(page, 'people list');

  await page.getByRole('searchbox', { name: t('people.searchLabel'), exact: true }).fill('Rahimova Dilnoza');
  const people = page.getByRole('table');
  const found = people.locator(`a[href="/people/${childId}"]`);
  await expect(found).toHaveText('Раҳимова Дилноза');
  // The list was really filtered: other families are gone.
  await expect(people.getByRole('link', { name: 'Иусупов Гайрат', exact: true })).toHaveCount(0);
  await expect(people.getByRole('link', { name: /Тошматов/ })).toHaveCount(0);
  // Her row also shows the name in the other script and her date of birth.
  const foundRow = people.locator('tbody tr').filter({ has: page.locator(`a[href="/people/${childId}"]`) });
  await expect(foundRow).toContainText('Rahimova Dilnoza');
  await expect(foundRow).toContainText(ddmmyyyy(born.daughter));
  await shot(page, '09-people-search-latin');
  await expectNoSeriousAxeViolations(page, 'people search results');

  await found.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Раҳимова Дилноза' })).toBeVisible();
  await expect(detailValue(page, t('person.otherScriptName'))).toHaveText('Rahimova Dilnoza');
  await expect(detailValue(page, t('person.fields.sex'))).toHaveText('Аёл');
  await expect(detailValue(page, t('person.fields.birthDate'))).toContainText(`${ddmmyyyy(born.daughter)} (6 ёш)`);
  await expect(page.getByRole('region', { name: t('people.households') }).getByRole('link', { name: householdName })).toBeVisible();
  await shot(page, '10-person-view');
  await expectNoSeriousAxeViolations(page, 'person view');

  // — 8. Edit against a stale version.
  await page.getByRole('link', { name: t('common.edit'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Таҳрирлаш: Раҳимова Дилноза' })).toBeVisible();
  await shot(page, '11-person-edit');
  await expectNoSeriousAxeViolations(page, 'person edit');

  // Meanwhile a colleague saves a newer version (the API, with this session's cookies and CSRF token).
  const opened = await apiJson<{ person: { version: number } }>(page, 'GET', `/api/people/${childId}`);
  const theirAddress = `Навоий кўчаси, ${suffix.length}-уй`;
  const theirs = await api(page, 'PATCH', `/api/people/${childId}`, { version: opened.person.version, addressLine: theirAddress });
  expect(theirs.status(), await theirs.text()).toBe(200);

  await page.getByRole('textbox', { name: t('person.fields.phone'), exact: true }).fill('90 123 45 67');
  const firstSave = page.waitForResponse((r) => r.url().endsWith(`/api/people/${childId}`) && r.request().method() === 'PATCH');
  await page.getByRole('button', { name: t('common.saveChanges'), exact: true }).click();
  expect((await firstSave).status()).toBe(409);

  const dialog = page.getByRole('dialog', { name: 'Ёзувни бошқа киши ўзгартирди' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(t('conflict.explanation'));
  await expect(dialog).toContainText(t('conflict.differences_other', { count: 2 }));
  const table = dialog.getByRole('table', { name: t('conflict.caption') });
  await expect(table.getByRole('columnheader')).toHaveText([t('conflict.field'), 'Сизнинг версиянгиз', 'Жорий версия']);
  const phoneRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${t('person.fields.phone')}`) }) });
  await expect(phoneRow.getByRole('rowheader')).toContainText(t('conflict.kind.mine'));
  await expect(phoneRow.getByRole('cell')).toHaveText(['+998 90 123 45 67', t('common.empty')]);
  const addressRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${t('address.line')}`) }) });
  await expect(addressRow.getByRole('rowheader')).toContainText(t('conflict.kind.theirs'));
  await expect(addressRow.getByRole('cell')).toHaveText([t('common.empty'), theirAddress]);
  await shot(page, '12-conflict-dialog');
  await expectNoSeriousAxeViolations(page, 'conflict dialog');

  // Resolve: take their version and put my change back on top, then save again.
  await dialog.getByRole('button', { name: t('conflict.reapply'), exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: t('address.line'), exact: true })).toHaveValue(theirAddress);
  await expect(page.getByRole('textbox', { name: t('person.fields.phone'), exact: true })).toHaveValue('+998 90 123 45 67');
  await page.getByRole('button', { name: t('common.saveChanges'), exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Раҳимова Дилноза' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: t('common.saved') })).toBeVisible();
  await expect(detailValue(page, t('person.fields.phone'))).toHaveText('+998 90 123 45 67');
  await expect(detailValue(page, t('address.title'))).toContainText(theirAddress);
  const after = await apiJson<{ person: { version: number; phone: string; addressLine: string } }>(page, 'GET', `/api/people/${childId}`);
  expect(after.person).toMatchObject({ version: opened.person.version + 2, phone: '+998901234567', addressLine: theirAddress });
  await shot(page, '13-person-saved-after-conflict');

  // — 9. Sign out: the session ends on the server, and the pages are gone.
  await page.getByRole('button', { name: 'Чиқиш', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Oila тизимига кириш' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Oila тизимига кириш' })).toBeVisible();
  await expect(page.getByText('Раҳимова Дилноза')).toHaveCount(0);
  await page.goto(`/people/${childId}`);
  await expect(page.getByRole('heading', { level: 1, name: anyLocale('signIn.title') })).toBeVisible();
  await expect(page.getByText('Раҳимова Дилноза')).toHaveCount(0);
  expect((await apiJson<{ stage: string }>(page, 'GET', '/api/auth/session')).stage).toBe('anonymous');
  expect((await api(page, 'GET', `/api/people/${childId}`)).status()).toBe(401);
  await shot(page, '14-signed-out');

  await context.close();
});
