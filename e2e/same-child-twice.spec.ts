import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { SUPERVISOR, WORKER, apiJson, expectNoSeriousAxeViolations, signIn, tr, type Locale } from './support.ts';

/**
 * The journey of issue 4, as it happens in a branch office. A social worker,
 * working in Uzbek Cyrillic, starts registering «Ғайрат Юсупов», born in 2012
 * (only the year is known), in Bogʻishamol mahalla — where the demo registry
 * already has "Gayrat Iusupov", typed in Latin with the passport spelling.
 * The warning shows while she types, with the reasons; she registers him
 * anyway, giving a reason. Later the branch supervisor, working in Russian,
 * scans the registry, finds the two records in the queue, compares them and
 * merges them, keeping the exact birth date of the first record; the merged
 * person's page shows both records — its own and the one merged into it —
 * and the merged record points back to it. Screenshots of every step go to
 * e2e/artifacts/same-child-twice/, each page checked with axe.
 */

const here = dirname(fileURLToPath(import.meta.url));
const ART = join(here, 'artifacts', 'same-child-twice');
const WORKER_LOCALE: Locale = 'uz-Cyrl';
const SUPERVISOR_LOCALE: Locale = 'ru';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let shotNumber = 0;
async function step(page: Page, name: string): Promise<void> {
  shotNumber += 1;
  await page.screenshot({ path: join(ART, `${String(shotNumber).padStart(2, '0')}-${name}.png`), fullPage: true, animations: 'disabled' });
  await expectNoSeriousAxeViolations(page, name);
}

interface PersonSummary {
  id: string;
  reference: string;
  birthDate: string | null;
}

test('a child registered twice in two scripts is caught while typing, then merged by the supervisor from the queue', async ({ browser }) => {
  test.setTimeout(240_000);
  rmSync(ART, { recursive: true, force: true });
  mkdirSync(ART, { recursive: true });

  // ——— the worker, in Uzbek Cyrillic, starts registering «Ғайрат Юсупов» ———
  const w = (key: string, vars?: Record<string, string | number>) => tr(WORKER_LOCALE, key, vars);
  const workerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const worker = await workerContext.newPage();
  await signIn(worker, WORKER, { locale: WORKER_LOCALE });
  const existing = await apiJson<{ items: PersonSummary[] }>(worker, 'POST', '/api/people/search', { q: 'Iusupov Gayrat', page: 1, pageSize: 20, sort: 'relevance' });
  const gayrat = existing.items.find((p) => p.birthDate === '2012-05-14')!;
  expect(gayrat, 'the demo registry has Gayrat Iusupov').toBeDefined();

  await worker.goto('/people/new');
  await expect(worker.getByRole('heading', { level: 1, name: w('people.newTitle') })).toBeVisible();
  await worker.getByRole('textbox', { name: w('person.fields.familyName'), exact: true }).fill('Юсупов');
  await worker.getByRole('textbox', { name: w('person.fields.givenName'), exact: true }).fill('Ғайрат');
  await worker.getByRole('radio', { name: w('sex.male'), exact: true }).check();
  // Only the year is known: 1 January, marked estimated.
  await worker.getByRole('textbox', { name: w('person.fields.birthDate'), exact: true }).fill('01.01.2012');
  await worker.getByRole('checkbox', { name: w('person.fields.birthDateEstimated'), exact: true }).check();
  await worker.getByRole('combobox', { name: w('address.region'), exact: true }).selectOption({ label: 'Тошкент шаҳри' });
  await worker.getByRole('combobox', { name: w('address.district'), exact: true }).selectOption({ label: 'Юнусобод тумани' });
  await worker.getByRole('combobox', { name: w('address.mahalla'), exact: true }).selectOption({ label: 'Боғишамол' });

  // The warning, before anything is saved: Gayrat Iusupov, and why.
  const titles = [w('duplicates.title_one'), w('duplicates.title_other')].map((s) => escape(s).replace('\\{\\{count\\}\\}', '\\d+'));
  const panel = worker.getByRole('region', { name: new RegExp(`^(${titles.join('|')})$`) });
  await expect(panel).toBeVisible();
  const candidate = panel.locator('li.duplicate-item').filter({ has: worker.locator(`a[href="/people/${gayrat.id}"]`) });
  await expect(candidate).toBeVisible();
  const reasons = candidate.getByRole('list', { name: w('duplicates.reasonsLabel'), exact: true }).getByRole('listitem');
  const oneOf = (...codes: string[]) => reasons.filter({ hasText: new RegExp(`(${codes.map((c) => escape(w(`duplicates.reasons.${c}`))).join('|')})$`) });
  // Same name across the scripts, his sex and mahalla; an estimated 1 January 2012 is close to 14 May 2012.
  await expect(oneOf('name_same')).toHaveCount(1);
  await expect(oneOf('sex_same')).toHaveCount(1);
  await expect(oneOf('mahalla_same')).toHaveCount(1);
  await expect(oneOf('birth_date_close', 'birth_year_same')).toHaveCount(1);
  await expect(candidate).toContainText(w('duplicates.band.likely'));
  await step(worker, 'worker-sees-the-warning');

  // She cannot tell from the form alone, and the mother insists: registered anyway, with the reason.
  const reason = panel.getByRole('textbox', { name: w('duplicates.reason') });
  if (await reason.isVisible()) {
    await reason.fill('Онаси бошқа бола деяпти; туғилганлик гувоҳномаси текширилади');
    await worker.getByRole('button', { name: w('duplicates.registerAnyway'), exact: true }).click();
  } else {
    await worker.getByRole('button', { name: w('people.register'), exact: true }).click();
  }
  await expect(worker).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
  const secondId = worker.url().split('/').pop()!;
  const second = (await apiJson<{ person: PersonSummary }>(worker, 'GET', `/api/people/${secondId}`)).person;
  await expect(worker.getByRole('heading', { level: 1 })).toContainText('Юсупов Ғайрат');
  await step(worker, 'worker-registered-anyway');
  await workerContext.close();

  // ——— the supervisor, in Russian, finds the pair in the queue ———
  const s = (key: string, vars?: Record<string, string | number>) => tr(SUPERVISOR_LOCALE, key, vars);
  const rv = (key: string, vars?: Record<string, string | number>) => s(`review.${key}`, vars);
  const supervisorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const supervisor = await supervisorContext.newPage();
  await signIn(supervisor, SUPERVISOR, { totp: true, locale: SUPERVISOR_LOCALE });
  await supervisor.getByRole('link', { name: rv('nav.title'), exact: true }).first().click();
  await expect(supervisor.getByRole('heading', { level: 1, name: rv('title') })).toBeVisible();
  await supervisor.getByRole('button', { name: rv('scan.start'), exact: true }).click();
  const scan = supervisor.getByRole('region', { name: rv('scan.title') });
  await expect(scan.getByRole('button', { name: rv('scan.start'), exact: true })).toBeEnabled({ timeout: 60_000 });
  const pair = supervisor.locator('li.review-pair').filter({ hasText: gayrat.reference }).filter({ hasText: second.reference });
  await expect(pair).toBeVisible();
  await expect(pair).toContainText(s('duplicates.reasons.mahalla_same'));
  await step(supervisor, 'supervisor-queue');

  // ——— compares and merges: Gayrat's record stays, with his exact birth date ———
  await pair.getByRole('link', { name: new RegExp(`^${escape(rv('pair.compare'))}`) }).click();
  await expect(supervisor.getByRole('heading', { level: 1, name: rv('merge.title') })).toBeVisible();
  const survivor = supervisor.getByRole('group', { name: rv('merge.survivor.legend') });
  await survivor.getByRole('radio', { name: new RegExp(`^${escape(gayrat.reference)}`) }).check();
  const birthDate = supervisor.getByRole('group', { name: s('person.fields.birthDate'), exact: true });
  await birthDate.getByRole('radio', { name: /14\.05\.2012/ }).check();
  await expect(supervisor.getByRole('region', { name: rv('merge.summary.title') })).toContainText(rv('merge.summary.archive', { merged: second.reference, survivor: gayrat.reference }));
  await step(supervisor, 'supervisor-merge-screen');
  await supervisor.getByRole('button', { name: rv('merge.submit') }).click();

  // ——— the merged person's history shows both records ———
  await expect(supervisor).toHaveURL(new RegExp(`/people/${gayrat.id}$`));
  await expect(supervisor.locator('.page-subtitle')).toContainText(gayrat.reference);
  const history = supervisor.getByRole('region', { name: rv('history.title') });
  await expect(history.getByRole('link', { name: `Юсупов Ғайрат (${second.reference})`, exact: true })).toBeVisible();
  await expect(history).toContainText('Bahodir Karimov');
  const merged = await apiJson<{ person: PersonSummary; merges?: { merged: { id: string } }[] }>(supervisor, 'GET', `/api/people/${gayrat.id}`);
  expect(merged.person.birthDate).toBe('2012-05-14');
  expect(merged.merges?.map((m) => m.merged.id)).toEqual([second.id]);
  await step(supervisor, 'merged-person-history');

  // The merged record is archived and points to the one that stayed.
  await history.getByRole('link', { name: `Юсупов Ғайрат (${second.reference})`, exact: true }).click();
  await expect(supervisor).toHaveURL(new RegExp(`/people/${second.id}$`));
  await expect(supervisor.getByRole('link', { name: new RegExp(escape(gayrat.reference)) }).first()).toBeVisible();
  await expect(supervisor.locator('.page-subtitle')).toContainText(s('common.archived'));
  const archived = await apiJson<{ person: { mergedIntoId?: string | null } }>(supervisor, 'GET', `/api/people/${second.id}`);
  expect(archived.person.mergedIntoId).toBe(gayrat.id);
  await step(supervisor, 'merged-record-points-to-survivor');
  await supervisorContext.close();
});
