import { expect, test, type Page } from '@playwright/test';
import {
  NBSP, WORKER, ageToday, apiJson, chooseLanguage, detailValue, expectNoSeriousAxeViolations, shot, signIn, tashkentDateTime, tr, uniqueSuffix, yearsAgo, type Locale,
} from './support.ts';

/**
 * Dates, numbers and plurals as the app writes them. Chromium has no Uzbek
 * locale data (it formats `uz-Latn` dates and numbers with generic patterns
 * and has no Uzbek plural rules), so the app formats them itself: these tests
 * check the exact strings it shows.
 */

/** Month names in the forms the app writes after a day number (src/shared/i18n/format.ts, CLDR). */
const MONTHS: Record<Locale, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  'uz-Latn': ['yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun', 'iyul', 'avgust', 'sentabr', 'oktabr', 'noyabr', 'dekabr'],
  'uz-Cyrl': ['январ', 'феврал', 'март', 'апрел', 'май', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'],
};

/** Today's long date in Tashkent, as the home page writes it. */
function longToday(locale: Locale, now = new Date()): string {
  const t = new Date(now.getTime() + 5 * 3_600_000);
  const [y, m, d] = [t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()];
  const month = MONTHS[locale][m]!;
  switch (locale) {
    case 'en':
      return `${d} ${month} ${y}`;
    case 'ru':
      return `${d} ${month} ${y}${NBSP}г.`;
    case 'uz-Latn':
      return `${y}-yil ${d}-${month}`;
    case 'uz-Cyrl':
      return `${y}-йил ${d}-${month}`;
  }
}

/** Russian "N years old", by the CLDR rule for Russian integers. */
function ruYears(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  const word = mod10 === 1 && mod100 !== 11 ? 'год' : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? 'года' : 'лет';
  return `(${n} ${word})`;
}

interface PersonRow {
  id: string;
  reference: string;
  birthDate: string;
  createdAt: string;
}

async function findPerson(page: Page, q: string): Promise<PersonRow> {
  const result = await apiJson<{ items: PersonRow[] }>(page, 'POST', '/api/people/search', { q, page: 1, pageSize: 5, sort: 'relevance' });
  expect(result.items.length, `a person matching ${q}`).toBeGreaterThan(0);
  return result.items[0]!;
}

/** Makes the people search answer as if `total` people matched, so the pager has big numbers to write. */
async function pretendPeopleTotal(page: Page, total: number): Promise<void> {
  await page.unroute('**/api/people/search');
  await page.route('**/api/people/search', async (route) => {
    const response = await route.fetch();
    const json = (await response.json()) as { total: number };
    await route.fulfill({ response, json: { ...json, total } });
  });
}

test('dates and numbers in Uzbek Latin, Russian, Uzbek Cyrillic and English', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, WORKER, { locale: 'uz-Latn' });
  const gayrat = await findPerson(page, 'Gayrat Iusupov');
  expect(gayrat.birthDate).toBe('2012-05-14');
  const age = ageToday(gayrat.birthDate);
  await pretendPeopleTotal(page, 12345);

  const expected: Record<Locale, { born: string; range: string; pageOf: string; name: string }> = {
    'uz-Latn': { born: `14.05.2012 (${age} yosh)`, range: `12${NBSP}345 ta yozuvdan 1–25`, pageOf: '494 sahifadan 1-sahifa', name: 'Iusupov Gayrat' },
    ru: { born: `14.05.2012 ${ruYears(age)}`, range: `1–25 из 12${NBSP}345 записей`, pageOf: 'Страница 1 из 494', name: 'Иусупов Гайрат' },
    'uz-Cyrl': { born: `14.05.2012 (${age} ёш)`, range: `12${NBSP}345 та ёзувдан 1–25`, pageOf: '494 саҳифадан 1-саҳифа', name: 'Иусупов Гайрат' },
    en: { born: `14 May 2012 (${age} ${age === 1 ? 'year' : 'years'} old)`, range: '1–25 of 12,345 records', pageOf: 'Page 1 of 494', name: 'Iusupov Gayrat' },
  };
  const created = tashkentDateTime(gayrat.createdAt);
  const createdText: Record<Locale, string> = {
    'uz-Latn': created,
    ru: created,
    'uz-Cyrl': created,
    // English writes the month's short name: "22 Nov 2026, 06:35".
    en: created.replace(/^(\d\d)\.(\d\d)\.(\d{4}) (\d\d:\d\d)$/, (_, d: string, m: string, y: string, time: string) =>
      `${Number(d)} ${MONTHS.en[Number(m) - 1]!.slice(0, 3)} ${y}, ${time}`),
  };

  for (const locale of ['uz-Latn', 'ru', 'uz-Cyrl', 'en'] as const) {
    await chooseLanguage(page, locale);
    const want = expected[locale];

    // The home page's date, with the month written out.
    await page.getByRole('link', { name: 'Oila', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: tr(locale, 'home.title', { name: 'Malika Tursunova' }) })).toBeVisible();
    await expect(page.locator('.page-subtitle')).toHaveText(longToday(locale));

    // A known date of birth with the age, and a timestamp in Tashkent time.
    await page.goto(`/people/${gayrat.id}`);
    await expect(page.getByRole('heading', { level: 1, name: want.name })).toBeVisible();
    await expect(detailValue(page, tr(locale, 'person.fields.birthDate'))).toHaveText(want.born);
    await expect(detailValue(page, tr(locale, 'common.created'))).toHaveText(createdText[locale]);

    // Big numbers: digit groups (a no-break space in Russian and Uzbek), page counts.
    await page.goto('/people');
    await expect(page.getByRole('heading', { level: 1, name: tr(locale, 'people.title') })).toBeVisible();
    const pager = page.getByRole('navigation', { name: tr(locale, 'people.pagination') });
    await expect(pager.locator('.pagination-status')).toHaveText(want.range);
    await expect(pager.locator('.pagination-page')).toHaveText(want.pageOf);
    const gayratRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: want.name, exact: true }) });
    await expect(gayratRow.getByRole('cell', { name: want.born.split(' (')[0]!, exact: true })).toBeVisible();
    await shot(page, `people-${locale}`);
  }
  await expectNoSeriousAxeViolations(page, 'people list (en, big total)');
  await context.close();
});

test('Russian plurals: members of a household, ages and record counts', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, WORKER, { locale: 'ru' });

  // Families whose counts and ages fall in each Russian plural form: one (1, 21), few (3, 22), many (5).
  const suffix = uniqueSuffix();
  const org = await apiJson<{ branches: { id: string; code: string }[] }>(page, 'GET', '/api/organisation');
  const branchId = org.branches.find((b) => b.code === 'TAS')!.id;
  const ages = [1, 3, 5, 21, 22];
  const given = ['Анвар', 'Барно', 'Восит', 'Гулноз', 'Дониёр'];
  const member = (i: number) => ({
    person: { familyName: `Сонова${suffix}`, givenName: given[i], sex: i % 2 ? 'female' : 'male', birthDate: yearsAgo(ages[i]!, 45), birthDateEstimated: false },
    relationship: ages[i]! > 18 ? 'other_relative' : 'child',
    isPrimaryCaregiver: false,
  });
  const household = (displayName: string, members: unknown[]) => ({
    displayName, phone: null, notes: null, regionId: null, districtId: null, mahallaId: null, addressLine: null,
    branchId, teamId: null, assignedWorkerId: null, members,
  });
  const five = await apiJson<{ household: { id: string }; members: { person: { id: string; birthDate: string } }[] }>(
    page, 'POST', '/api/households', household(`Пятеро ${suffix}`, ages.map((_, i) => member(i))));
  const one = await apiJson<{ household: { id: string } }>(page, 'POST', '/api/households', household(`Один ${suffix}`, [
    { person: { familyName: `Одинова${suffix}`, givenName: 'Ёқут', sex: 'female', birthDate: yearsAgo(40, 45), birthDateEstimated: false }, relationship: 'mother', isPrimaryCaregiver: true },
  ]));
  const iusupovs = (await apiJson<{ items: { id: string; displayName: string }[] }>(page, 'POST', '/api/households/search', { q: 'Iusupovs', page: 1, pageSize: 5, sort: 'relevance' }))
    .items.find((h) => h.displayName === 'Iusupovs')!;

  for (const [id, heading] of [[one.household.id, '1 член'], [iusupovs.id, '2 члена'], [five.household.id, '5 членов']] as const) {
    await page.goto(`/households/${id}`);
    await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
  }
  await shot(page, 'household-5-members');
  await expectNoSeriousAxeViolations(page, 'household (ru)');

  const years: Record<number, string> = { 1: '(1 год)', 3: '(3 года)', 5: '(5 лет)', 21: '(21 год)', 22: '(22 года)' };
  for (const m of five.members) {
    const age = ageToday(m.person.birthDate);
    await page.goto(`/people/${m.person.id}`);
    await expect(detailValue(page, 'Дата рождения')).toHaveText(`${m.person.birthDate.split('-').reverse().join('.')} ${years[age]}`);
  }
  await shot(page, 'person-22-years');

  // The pager's "of N records": genitive singular after 1 and 21, plural after 5 and 12.
  for (const [total, text] of [[1, '1–1 из 1 записи'], [21, '1–21 из 21 записи'], [5, '1–5 из 5 записей'], [12, '1–12 из 12 записей']] as const) {
    await pretendPeopleTotal(page, total);
    await page.goto('/people');
    await expect(page.getByRole('navigation', { name: 'Страницы списка людей' }).locator('.pagination-status')).toHaveText(text);
  }
  await context.close();
});
