import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { WORKER, apiJson, expectNoSeriousAxeViolations, signIn, tr } from './support.ts';

/**
 * The search box of the app shell, as the demo social worker: a person
 * registered in Latin found by a Cyrillic spelling and opened with the
 * keyboard alone, a family case by its number, and the same on a 360 px
 * phone, where the box folds behind a button. Nothing typed reaches a URL.
 */

const E = 'en' as const;
const t = (key: string, vars?: Record<string, string | number>) => tr(E, key, vars);
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts', 'global-search');

async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false, animations: 'disabled' });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

/** Every request the page makes, to prove the typed text stays out of addresses. */
function recordRequests(page: Page): { method: string; url: string }[] {
  const seen: { method: string; url: string }[] = [];
  page.on('request', (r) => seen.push({ method: r.method(), url: r.url() }));
  return seen;
}

function expectNotInAddresses(requests: readonly { url: string }[], typed: string): void {
  const forms = [typed, encodeURIComponent(typed), ...typed.split(' ').flatMap((w) => [w, encodeURIComponent(w)])];
  for (const r of requests) for (const f of forms) expect(decodeURIComponent(r.url), `${r.url} carries what was typed`).not.toContain(f);
}

/** Presses Tab until the search box has focus: the keyboard's own way there. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('the search box was not reached with Tab');
}

/** Presses ArrowDown until `option` is the active one (aria-activedescendant); the list may be closed at first. */
async function arrowTo(page: Page, box: Locator, option: Locator): Promise<void> {
  for (let i = 0; i < 20; i += 1) {
    await page.keyboard.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    if (active && (await option.count()) === 1 && active === (await option.getAttribute('id'))) {
      await expect(option).toHaveAttribute('aria-selected', 'true');
      return;
    }
  }
  throw new Error('the option was never made active');
}

test('the demo worker finds «Дилноза Раҳимова» (registered in Latin) and a family case by number, keyboard only', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const requests = recordRequests(page);
  await signIn(page, WORKER, { locale: E });
  // Other journeys may register namesakes: the demo's own Dilnoza is the one born in 1988.
  const found = await apiJson<{ items: { id: string; reference: string; birthDate: string }[] }>(page, 'POST', '/api/people/search', { q: 'Dilnoza Rahimova', page: 1, pageSize: 20, sort: 'relevance' });
  const dilnoza = found.items.find((p) => p.birthDate === '1988-04-12');
  expect(dilnoza, 'the demo data has Dilnoza Rahimova').toBeDefined();

  const box = page.getByRole('combobox', { name: t('search.label'), exact: true });
  await expect(box).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await tabTo(page, box);

  // — Typed in Cyrillic, the way a colleague might have heard the name.
  const typed = 'Дилноза Раҳимова';
  await page.keyboard.type(typed, { delay: 20 });
  const listbox = page.getByRole('listbox', { name: t('search.results'), exact: true });
  await expect(listbox).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  // Typed without a pause, the name is asked for once (250 ms after the last key), not once a letter.
  expect(requests.filter((r) => r.url.endsWith('/api/search')).length).toBeLessThanOrEqual(2);
  const people = listbox.getByRole('group', { name: t('search.groups.people'), exact: true });
  const hit = people.getByRole('option').filter({ hasText: 'Rahimova Dilnoza' }).filter({ hasText: dilnoza!.reference });
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText(t('search.born', { year: '1988' }));
  // Her household is found through her, in its own group.
  await expect(listbox.getByRole('group', { name: t('search.groups.households'), exact: true }).getByRole('option').filter({ hasText: 'Rahimovlar oilasi' }).first()).toBeVisible();
  // The count is announced politely; the names are not.
  const status = page.getByRole('search', { name: t('search.region') }).getByRole('status');
  await expect(status).toHaveText(/^\d+ results?$/);

  await arrowTo(page, box, hit);
  await snap(page, '01-cyrillic-spelling-finds-latin-record');
  await expectNoSeriousAxeViolations(page, 'global search with results');

  // — Escape closes the list and keeps the text; the list comes back with the arrow key.
  await page.keyboard.press('Escape');
  await expect(listbox).toBeHidden();
  await expect(box).toHaveValue(typed);
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await arrowTo(page, box, hit);

  // — Enter opens the record.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/people/${dilnoza!.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Rahimova Dilnoza');
  await expect(box).toHaveValue('');
  expectNotInAddresses(requests, typed);
  expect(requests.filter((r) => r.url.includes('/api/search')).every((r) => r.method === 'POST')).toBe(true);

  // — Nothing found says so, in words.
  await box.focus();
  await page.keyboard.type('Qwxzyvbek', { delay: 10 });
  await expect(page.locator('.search-popup')).toHaveText(t('search.noResults'));
  await expect(status).toHaveText(t('search.noResults'));
  await snap(page, '02-no-results');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('');

  // — A family case by its number, typed in lower case.
  const cases = await apiJson<{ items: { id: string; caseNumber: string; householdName?: string }[] }>(page, 'POST', '/api/cases/search', { page: 1, pageSize: 5, sort: 'caseNumber' });
  const target = cases.items.find((c) => c.householdName === 'Rahimovlar oilasi') ?? cases.items[0]!;
  await page.keyboard.type(target.caseNumber.toLowerCase(), { delay: 10 });
  const caseHit = listbox.getByRole('group', { name: t('search.groups.cases'), exact: true }).getByRole('option').filter({ hasText: target.caseNumber });
  await expect(caseHit).toHaveCount(1);
  await expect(caseHit).toContainText(target.householdName!);
  await expect(listbox.getByRole('group', { name: t('search.groups.people'), exact: true })).toHaveCount(0);
  await arrowTo(page, box, caseHit);
  await snap(page, '03-case-by-number');
  await expectNoSeriousAxeViolations(page, 'global search, a case by number');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/cases/${target.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(target.caseNumber);
  await context.close();
});

test('on a 360 px phone the search folds behind a button and opens full width', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const requests = recordRequests(page);
  await signIn(page, WORKER, { locale: E });

  const box = page.getByRole('combobox', { name: t('search.label'), exact: true });
  const toggle = page.getByRole('button', { name: t('search.open'), exact: true });
  await expect(box).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await snap(page, '04-phone-folded');

  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(box).toBeFocused();
  const typed = 'Ғайрат Юсупов';
  await page.keyboard.type(typed, { delay: 20 });
  const hit = page.getByRole('listbox', { name: t('search.results'), exact: true }).getByRole('option').filter({ hasText: 'Iusupov Gayrat' }).first();
  await expect(hit).toBeVisible();
  const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, box: document.querySelector('.global-search')!.getBoundingClientRect().width }));
  expect(width.page, 'nothing sticks out sideways').toBeLessThanOrEqual(360);
  expect(width.box, 'the open box takes the full width').toBeGreaterThan(300);
  await arrowTo(page, box, hit);
  await snap(page, '05-phone-results');
  await expectNoSeriousAxeViolations(page, 'global search on a phone');

  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Iusupov Gayrat');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(box).toBeHidden();
  expectNotInAddresses(requests, typed);

  // — Escape on an empty box folds it again and gives focus back to the button.
  await toggle.click();
  await expect(box).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(box).toBeHidden();
  await expect(toggle).toBeFocused();
  await context.close();
});
