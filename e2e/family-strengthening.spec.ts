import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  SUPERVISOR, WORKER, apiJson, ddmmyyyy, expectNoSeriousAxeViolations, signIn, tr, uniqueSuffix, yearsAgo, type Locale,
} from './support.ts';

/**
 * The family strengthening journey, in Russian: a social worker registers a
 * mahalla team's referral on a new household, screens and enrols the family,
 * assesses two children with the Child Status Index, writes a plan with three
 * goals and submits it; the supervisor approves it; the worker records
 * services, one-time assistance and a referral to a polyclinic (consent
 * recorded first), a review, and exits the family as self-reliant after the
 * supervisor approves the closure. The supervisor's dashboard and the period
 * report change by exactly what was recorded. Every step is screenshotted to
 * e2e/artifacts/family-strengthening/ and checked with axe.
 */

const here = dirname(fileURLToPath(import.meta.url));
const L = 'ru' as const;
const ART = join(here, 'artifacts', 'family-strengthening');

type Messages = { [key: string]: string | Messages };
const casesText = (locale: Locale) => JSON.parse(readFileSync(join(here, '..', 'src', 'web', 'i18n', 'locales', 'cases', `${locale}.json`), 'utf8')) as Messages;
const CASES: Partial<Record<Locale, Messages>> = { ru: casesText('ru'), 'uz-Latn': casesText('uz-Latn') };

/** A family-strengthening text exactly as a locale file has it (`cases.*`), with `{{name}}` filled in. */
function ct(locale: Locale, key: string, vars: Record<string, string | number> = {}): string {
  let node: string | Messages | undefined = CASES[locale];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no message cases.${key} in ${locale}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? `{{${name}}}`));
}
const c = (key: string, vars?: Record<string, string | number>) => ct(L, key, vars);
const m = (key: string, vars?: Record<string, string | number>) => tr(L, key, vars);

let shotNumber = 0;
/** Screenshot of a step (NN-name.png) and an axe check of the page as it is. */
async function step(page: Page, name: string): Promise<void> {
  // Confirmations pile up when steps follow quickly: keep the latest one in the picture, close the older ones.
  if ((await page.locator('dialog[open]').count()) === 0) {
    const closes = page.locator('.toast .toast-close');
    for (let left = await closes.count(); left > 1; left -= 1) await closes.first().click();
  }
  shotNumber += 1;
  await page.screenshot({ path: join(ART, `${String(shotNumber).padStart(2, '0')}-${name}.png`), fullPage: true, animations: 'disabled' });
  await expectNoSeriousAxeViolations(page, name);
}

const dialog = (page: Page) => page.getByRole('dialog');
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const toast = (page: Page, text: string) => page.locator('.toasts').getByText(text, { exact: true });
/** The first number of a cell, ignoring digit grouping ("1 250 000 сум" → 1250000). */
async function numberIn(locator: Locator): Promise<number> {
  const text = (await locator.first().innerText()).replace(/[\s\u00a0\u202f]/g, '');
  const match = /-?\d+/.exec(text);
  if (!match) throw new Error(`no number in "${text}"`);
  return Number(match[0]);
}

/** The date `days` from today as dd.mm.yyyy (Tashkent's calendar is at most a day ahead: keep margins). */
function dateFromToday(days: number): string {
  const d = new Date(Date.now() + 5 * 3_600_000 + days * 86_400_000);
  return ddmmyyyy(d.toISOString().slice(0, 10));
}

interface Figures {
  exited: number;
  families: number;
  children: number;
  services: number;
  assistanceCount: number;
  assistanceValue: number;
  sent: number;
  accepted: number;
  completed: number;
  selfReliant: number;
}

/** Opens the dashboard and the report as the supervisor and reads the figures the journey changes. */
async function readFigures(page: Page, label: string): Promise<Figures> {
  await page.goto('/cases/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: c('dashboard.title') })).toBeVisible();
  const exitedRow = page.locator('tr[data-status="exited"] td');
  await expect(exitedRow).toBeVisible();
  const exited = await numberIn(exitedRow);
  await step(page, `${label}-dashboard`);

  await page.goto('/reports');
  await expect(page.getByRole('heading', { level: 1, name: c('reports.title') })).toBeVisible();
  await page.getByRole('button', { name: c('reports.show'), exact: true }).click();
  await expect(page.locator('[data-figure="families"] .figure-value')).toBeVisible();
  const cell = (id: string) => page.locator(`tr[data-figure="${id}"] td`);
  const figures: Figures = {
    exited,
    families: await numberIn(cell('familiesSupported')),
    children: await numberIn(cell('children')),
    services: await numberIn(cell('service-total')),
    assistanceCount: await numberIn(cell('assistance-total')),
    assistanceValue: await numberIn(cell('assistance-total').nth(1)),
    sent: await numberIn(cell('referralsSent')),
    accepted: await numberIn(cell('referralsAccepted')),
    completed: await numberIn(cell('referralsCompleted')),
    selfReliant: await numberIn(cell('exit-self_reliant')),
  };
  await step(page, `${label}-report`);
  return figures;
}

/** Fills one new member of the household form. */
async function fillMember(page: Page, n: number, p: { family: string; given: string; sex: 'female' | 'male'; born: string; relationship: string; caregiver?: boolean }) {
  const row = page.getByRole('region', { name: new RegExp(`^${m('households.memberHeading', { number: n, name: '' }).trim()}`) });
  await row.getByRole('textbox', { name: m('person.fields.familyName'), exact: true }).fill(p.family);
  await row.getByRole('textbox', { name: m('person.fields.givenName'), exact: true }).fill(p.given);
  await row.getByRole('radio', { name: m(`sex.${p.sex}`), exact: true }).check();
  await row.getByRole('textbox', { name: m('person.fields.birthDate'), exact: true }).fill(ddmmyyyy(p.born));
  await row.getByRole('combobox', { name: m('households.fields.relationship'), exact: true }).selectOption(p.relationship);
  if (p.caregiver) await row.getByRole('checkbox', { name: m('households.primaryCaregiver'), exact: true }).check();
}

/** Fires a lifecycle step from the case summary and confirms it in its dialog. */
async function lifecycle(page: Page, event: string, fill?: (d: Locator) => Promise<void>) {
  await page.getByRole('group', { name: c('summary.nextSteps') }).getByRole('button', { name: c(`event.${event}`), exact: true }).click();
  const d = dialog(page);
  await expect(d.getByRole('heading', { name: c(`event.${event}`) })).toBeVisible();
  if (fill) await fill(d);
  await d.getByRole('button', { name: c(`event.${event}`), exact: true }).click();
  await expect(d).toBeHidden();
}

test('family strengthening in Russian: referral, assessment, plan and approval, services, consented referral, review, exit; dashboard and report follow', async ({ browser }) => {
  test.setTimeout(300_000);
  rmSync(ART, { recursive: true, force: true });
  mkdirSync(ART, { recursive: true });
  const started = Date.now();
  const suffix = uniqueSuffix();
  const householdName = `Турдиевы ${suffix}`;
  const mother = { family: 'Турдиева', given: 'Шоира', sex: 'female' as const, born: yearsAgo(34, 50), relationship: 'mother', caregiver: true };
  const son = { family: 'Турдиев', given: 'Бобуржон', sex: 'male' as const, born: yearsAgo(10, 70), relationship: 'child' };
  const daughter = { family: 'Турдиева', given: 'Лолахон', sex: 'female' as const, born: yearsAgo(7, 110), relationship: 'child' };
  const sonName = `${son.family} ${son.given}`;
  const daughterName = `${daughter.family} ${daughter.given}`;

  // — The supervisor signs in once (one authenticator code) and notes the figures before the journey.
  const supervisorContext = await browser.newContext({ locale: 'ru-RU' });
  const sup = await supervisorContext.newPage();
  await signIn(sup, SUPERVISOR, { totp: true, locale: L });
  const before = await readFigures(sup, 'before');

  // — 1. The social worker signs in in Russian; the home page shows their work.
  const workerContext = await browser.newContext({ locale: 'ru-RU' });
  const page = await workerContext.newPage();
  await signIn(page, WORKER, { locale: L });
  await expect(page.getByRole('heading', { level: 2, name: c('work.title') })).toBeVisible();
  await expect(page.getByRole('navigation', { name: m('app.mainNavigation') }).getByRole('link', { name: c('nav.cases'), exact: true })).toBeVisible();
  await step(page, 'worker-home-my-work');

  // — 2. A new household: the mother and two children.
  await page.goto('/households/new');
  await expect(page.getByRole('heading', { level: 1, name: m('households.newTitle') })).toBeVisible();
  await page.getByRole('textbox', { name: m('households.fields.displayName'), exact: true }).fill(householdName);
  const addPerson = page.getByRole('button', { name: m('households.addNewPerson'), exact: true });
  await addPerson.click();
  await fillMember(page, 1, mother);
  await addPerson.click();
  await fillMember(page, 2, son);
  await addPerson.click();
  await fillMember(page, 3, daughter);
  await page.getByRole('button', { name: m('households.register'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: householdName })).toBeVisible();
  const cases = section(page, c('household.title'));
  await expect(cases.getByText(c('household.none'))).toBeVisible();
  await step(page, 'household-with-two-children');

  // — 3. The mahalla team's referral: "Open a family case" on the household.
  await cases.getByRole('link', { name: c('household.open'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: c('open.title') })).toBeVisible();
  await page.getByRole('combobox', { name: c('fields.referralSource'), exact: true }).selectOption('mahalla_team');
  await page.getByRole('textbox', { name: c('fields.referralNote'), exact: true }).fill('Председатель махалли: мать одна воспитывает двоих детей, долги за жильё.');
  await page.getByRole('radio', { name: c('risk.medium'), exact: true }).check();
  await expect(page.getByText(c('open.youAreWorker'))).toBeVisible();
  await step(page, 'open-case-form');
  await page.getByRole('button', { name: c('open.submit'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^FS-\\d{4}-\\d+ · ${householdName}$`) })).toBeVisible();
  const caseUrl = new URL(page.url()).pathname;
  const caseId = caseUrl.split('/')[2]!;
  await expect(page.locator('.page-subtitle')).toContainText(c('status.referred'));
  // Only what the state machine allows from "referred" is offered.
  const nextSteps = page.getByRole('group', { name: c('summary.nextSteps') });
  await expect(nextSteps.getByRole('button')).toHaveText([c('event.start_screening')]);
  await step(page, 'case-referred');

  // — 4. Screening, then enrolment.
  await lifecycle(page, 'start_screening');
  await expect(nextSteps.getByRole('button')).toHaveText([c('event.mark_not_eligible'), c('event.enrol')]);
  await step(page, 'case-screening');
  await lifecycle(page, 'enrol', async (d) => {
    await d.getByRole('textbox', { name: c('transition.note'), exact: true }).fill('Семья согласна работать с нами.');
  });
  await expect(page.locator('.page-subtitle')).toContainText(c('status.enrolled'));
  // No assessment yet: "assessment complete" is not offered, and the page says why.
  await expect(nextSteps.getByRole('button', { name: c('event.complete_assessment') })).toHaveCount(0);
  await expect(page.locator('.blocked-list')).toContainText(c('summary.blocked', { action: c('event.complete_assessment'), reason: c('refusal.assessment_required') }));
  await step(page, 'case-enrolled');

  // — 5. The Child Status Index for both children, in Russian, with the instrument's descriptions.
  const instruments = await apiJson<{ items: { id: string; code: string; definition: { domains: { factors: { code: string }[] }[] } }[] }>(page, 'GET', '/api/assessment-instruments');
  const csi = instruments.items.find((i) => i.code === 'child_status_index')!;
  const factors = csi.definition.domains.flatMap((d) => d.factors.map((f) => f.code));
  expect(factors).toHaveLength(12);
  const tabs = page.getByRole('navigation', { name: c('tabs.label') });
  await tabs.getByRole('link', { name: c('tabs.assessments'), exact: true }).click();
  await expect(section(page, c('assessments.progressTitle')).getByText(c('assessments.noProgress'))).toBeVisible();
  for (const [i, child] of [sonName, daughterName].entries()) {
    await page.getByRole('button', { name: c('assessments.record'), exact: true }).click();
    await expect(page.getByRole('radio', { name: 'Индекс состояния ребёнка', exact: true })).toBeChecked();
    await page.getByRole('combobox', { name: c('assessments.child'), exact: true }).selectOption({ label: child });
    // The first factor's choices carry the instrument's own Russian descriptions.
    await expect(page.getByRole('group', { name: /Продовольственная обеспеченность/ }).getByText('Ребёнок каждый день получает достаточно еды и питается регулярно.')).toBeVisible();
    for (const [j, code] of factors.entries()) await page.locator(`#score-${code}-${1 + ((i + j) % 3)}`).check();
    await expect(page.getByText(c('assessments.scoredCount', { scored: 12, total: 12 }))).toBeVisible();
    if (i === 0) {
      await page.setViewportSize({ width: 360, height: 780 });
      await step(page, 'csi-form-phone-360');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    await page.getByRole('button', { name: c('assessments.save'), exact: true }).click();
    await expect(toast(page, c('assessments.recorded', { who: child }))).toBeVisible();
  }
  const progress = section(page, c('assessments.progressTitle'));
  await expect(progress.getByRole('table')).toHaveCount(2);
  await expect(progress.getByRole('table').first().getByRole('row')).toHaveCount(7);
  await step(page, 'csi-progress-two-children');

  // — 6. Assessment complete (summary).
  await tabs.getByRole('link', { name: c('tabs.summary'), exact: true }).click();
  await lifecycle(page, 'complete_assessment');
  await expect(page.locator('.page-subtitle')).toContainText(c('status.assessed'));
  // The plan is not approved yet: "plan approved" is not an action the worker is offered.
  await expect(nextSteps.getByRole('button', { name: c('event.approve_plan') })).toHaveCount(0);

  // — 7. The plan: three goals, each with an action; saved and submitted.
  await tabs.getByRole('link', { name: c('tabs.plan'), exact: true }).click();
  await page.getByRole('button', { name: c('plan.write'), exact: true }).click();
  const goals = [
    { domain: 'household_self_reliance:income', text: 'Мать получает постоянный доход от шитья', action: 'Записаться на курсы шитья', who: 'user' as const },
    { domain: 'child_status_index:education_skills', text: 'Бобуржон ходит в школу без пропусков', action: 'Еженедельная связь с классным руководителем', who: 'name' as const },
    { domain: 'child_status_index:health', text: 'Лолахон проходит плановые осмотры', action: 'Осмотр у педиатра в поликлинике', who: 'partner' as const },
  ];
  for (const [gi, g] of goals.entries()) {
    if (gi > 0) await page.getByRole('button', { name: c('plan.addGoal'), exact: true }).click();
    await page.locator(`#goal-${gi}-domain`).selectOption(g.domain);
    await page.locator(`#goal-${gi}-text`).fill(g.text);
    await page.locator(`#goal-${gi}-action-0-text`).fill(g.action);
    if (g.who === 'name') await page.locator(`#goal-${gi}-action-0-who`).fill('Мать');
    if (g.who === 'user') {
      await page.locator(`#goal-${gi}-action-0-kind-user`).check();
      await page.locator(`#goal-${gi}-action-0-who`).selectOption({ label: 'Malika Tursunova' });
    }
    if (g.who === 'partner') {
      await page.locator(`#goal-${gi}-action-0-kind-partner`).check();
      await page.locator(`#goal-${gi}-action-0-who`).selectOption({ label: 'Yunusobod tumani 12-son oilaviy poliklinikasi' });
    }
    await page.locator(`#goal-${gi}-action-0-dueOn`).fill(dateFromToday(30 + gi * 15));
  }
  await step(page, 'plan-editor-three-goals');
  await page.getByRole('button', { name: c('plan.save'), exact: true }).click();
  await expect(toast(page, c('plan.saved'))).toBeVisible();
  const planSection = section(page, c('plan.title'));
  await expect(planSection.getByRole('heading', { level: 3 })).toHaveCount(3);
  await expect(planSection.getByText(c('planStatus.draft'), { exact: true })).toBeVisible();
  // The plan prints in the family's language (Uzbek Cyrillic here).
  await page.getByRole('combobox', { name: c('plan.familyLanguage'), exact: true }).selectOption('uz-Cyrl');
  const pdfHref = await page.getByRole('link', { name: new RegExp(`^${c('plan.printPdf').replace(/[()]/g, '\\$&')}`) }).getAttribute('href');
  expect(pdfHref).toBe(`/api/cases/${caseId}/plan/pdf?language=uz-Cyrl`);
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  await planSection.getByRole('button', { name: c('plan.submit'), exact: true }).click();
  await dialog(page).getByRole('textbox', { name: c('approvals.requestNote'), exact: true }).fill('План согласован с семьёй на визите.');
  await dialog(page).getByRole('button', { name: c('approvals.send'), exact: true }).click();
  await expect(toast(page, c('plan.submitted'))).toBeVisible();
  await expect(planSection.getByText(c('planStatus.submitted'), { exact: true })).toBeVisible();
  await step(page, 'plan-submitted');

  // — 8. The supervisor sees the request on their home page and approves the plan.
  await sup.goto('/');
  const work = section(sup, c('work.title'));
  const approvalItem = work.locator('li').filter({ hasText: householdName }).filter({ hasText: c('work.kind.approval_pending') });
  await expect(approvalItem).toBeVisible();
  await step(sup, 'supervisor-home-request-waiting');
  await approvalItem.getByRole('link').click();
  const approvals = section(sup, c('approvals.title'));
  await expect(approvals.getByText(c('approvalStatus.pending'))).toBeVisible();
  await approvals.getByRole('button', { name: `${c('approvals.approve')} — ${c('approvalSubject.plan')}` }).click();
  await expect(dialog(sup).getByRole('heading', { name: c('approvals.approveTitle', { subject: c('approvalSubject.plan') }) })).toBeVisible();
  await dialog(sup).getByRole('textbox', { name: c('approvals.commentLabel'), exact: true }).fill('Хороший план, утверждаю.');
  await step(sup, 'supervisor-approves-plan');
  await dialog(sup).getByRole('button', { name: c('approvals.approve'), exact: true }).click();
  await expect(toast(sup, c('approvals.approvedToast'))).toBeVisible();
  await expect(sup.locator('.page-subtitle')).toContainText(c('status.plan_approved'));
  await expect(approvals.getByText(c('approvalStatus.approved'), { exact: true })).toBeVisible();
  await step(sup, 'supervisor-plan-approved');

  // — 9. The worker starts the plan's work.
  await page.goto(caseUrl);
  await expect(page.locator('.page-subtitle')).toContainText(c('status.plan_approved'));
  await lifecycle(page, 'activate');
  await expect(page.locator('.page-subtitle')).toContainText(c('status.active'));
  await step(page, 'case-active');

  // — 10. A service, one-time assistance, and a group session for this family and another.
  await tabs.getByRole('link', { name: c('tabs.services'), exact: true }).click();
  await page.getByRole('button', { name: c('services.record'), exact: true }).click();
  let d = dialog(page);
  await d.getByRole('combobox', { name: c('services.type'), exact: true }).selectOption('psychological');
  await d.getByRole('textbox', { name: c('services.units'), exact: true }).fill('2');
  await d.getByRole('combobox', { name: c('services.unit'), exact: true }).selectOption('hour');
  await d.getByRole('textbox', { name: c('services.cost'), exact: true }).fill('150 000');
  await d.getByRole('textbox', { name: c('services.projectCode'), exact: true }).fill('EU-VCPM');
  await d.getByRole('checkbox', { name: daughterName, exact: true }).check();
  await step(page, 'service-dialog');
  await d.getByRole('button', { name: c('services.save'), exact: true }).click();
  await expect(toast(page, c('services.recorded'))).toBeVisible();
  const services = section(page, c('services.title'));
  await expect(services.getByRole('row').filter({ hasText: c('serviceType.psychological') })).toContainText('2 часа');
  await expect(services.getByRole('row').filter({ hasText: c('serviceType.psychological') })).toContainText('150\u00a0000\u00a0сум');

  await page.getByRole('button', { name: c('assistance.record'), exact: true }).click();
  d = dialog(page);
  await d.getByRole('radio', { name: c('assistanceKind.in_kind'), exact: true }).check();
  await d.getByRole('textbox', { name: c('assistance.item'), exact: true }).fill('Зимняя одежда для двоих детей');
  await d.getByRole('textbox', { name: c('assistance.value'), exact: true }).fill('850000');
  await d.getByRole('button', { name: c('assistance.save'), exact: true }).click();
  await expect(toast(page, c('assistance.recorded'))).toBeVisible();
  await expect(section(page, c('assistance.title')).getByRole('row').filter({ hasText: 'Зимняя одежда' })).toContainText('850\u00a0000\u00a0сум');
  await step(page, 'services-and-assistance');

  await services.getByRole('link', { name: c('group.button'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: c('group.title') })).toBeVisible();
  await page.getByRole('textbox', { name: c('group.sessionTitle'), exact: true }).fill('Тренинг родительских навыков, махалля Богишамол');
  await page.getByRole('combobox', { name: c('services.type'), exact: true }).selectOption('parenting_skills');
  await page.getByRole('textbox', { name: c('services.units'), exact: true }).fill('3');
  await page.getByRole('combobox', { name: c('services.unit'), exact: true }).selectOption('hour');
  const caseNumber = (await page.request.get(`/api/cases/${caseId}`).then((r) => r.json()) as { case: { caseNumber: string } }).case.caseNumber;
  await page.getByRole('checkbox', { name: `${caseNumber} · ${householdName}`, exact: true }).check();
  await page.getByRole('checkbox', { name: 'FS-2026-000001 · Rahimovlar oilasi', exact: true }).check();
  await expect(page.getByRole('group', { name: c('group.chosen_few', { count: 2 }) })).toBeVisible();
  await step(page, 'group-session-two-families');
  await page.getByRole('button', { name: c('group.save_few', { count: 2 }), exact: true }).click();
  await expect(page.getByRole('status').getByText(c('group.saved_few', { count: 2 })).first()).toBeVisible();

  // — 11. A referral to the polyclinic: refused without consent, consent recorded on the child, then sent, accepted, completed.
  await page.goto(`${caseUrl}/referrals`);
  await page.getByRole('button', { name: c('referrals.new'), exact: true }).click();
  d = dialog(page);
  await d.getByRole('combobox', { name: c('referrals.partner'), exact: true }).selectOption({ label: `Yunusobod tumani 12-son oilaviy poliklinikasi — ${c('partnerKind.polyclinic')}` });
  await d.getByRole('combobox', { name: c('referrals.person'), exact: true }).selectOption({ label: daughterName });
  await d.getByRole('textbox', { name: c('referrals.reason'), exact: true }).fill('Ребёнок отстаёт в весе: нужен осмотр педиатра.');
  await d.getByRole('textbox', { name: c('referrals.services'), exact: true }).fill('Осмотр педиатра\nКонсультация диетолога');
  await d.getByRole('checkbox', { name: m('consent.categories.health'), exact: true }).check();
  await d.getByRole('button', { name: c('referrals.saveDraft'), exact: true }).click();
  await expect(toast(page, c('referrals.drafted'))).toBeVisible();
  const referral = page.locator('.referral').filter({ hasText: 'Yunusobod tumani 12-son oilaviy poliklinikasi' });
  await expect(referral.getByRole('heading').getByText(c('referralState.draft'), { exact: true })).toBeVisible();
  await referral.getByRole('button', { name: new RegExp(`^${c('referrals.step.send')}`) }).click();
  await dialog(page).getByRole('button', { name: c('referrals.step.send'), exact: true }).click();
  // 409 consent_required, in Russian, with the way to record the consent.
  await expect(dialog(page).getByRole('alert')).toContainText(c('referrals.consentRequired', { name: daughterName }));
  const consentLink = dialog(page).getByRole('link', { name: c('referrals.recordConsentLink', { name: daughterName }) });
  await expect(consentLink).toBeVisible();
  // A social worker cannot override; that is a supervisor's decision.
  await expect(dialog(page).getByRole('button', { name: c('referrals.overrideButton') })).toHaveCount(0);
  await step(page, 'referral-needs-consent');
  await consentLink.click();
  await expect(page.getByRole('heading', { level: 1, name: daughterName })).toBeVisible();
  await page.getByRole('button', { name: m('consent.recordTitle'), exact: true }).click();
  d = dialog(page);
  await d.getByRole('combobox', { name: m('consent.purpose'), exact: true }).selectOption('referral');
  for (const cat of ['identity', 'contact', 'health']) await d.getByRole('checkbox', { name: m(`consent.categories.${cat}`), exact: true }).check();
  await d.getByRole('textbox', { name: m('consent.transfersTo'), exact: true }).fill('Yunusobod tumani 12-son oilaviy poliklinikasi');
  await step(page, 'consent-dialog');
  await d.getByRole('button', { name: m('consent.record'), exact: true }).click();
  await expect(toast(page, m('consent.recorded'))).toBeVisible();
  await step(page, 'consent-recorded');
  await page.goto(`${caseUrl}/referrals`);
  await referral.getByRole('button', { name: new RegExp(`^${c('referrals.step.send')}`) }).click();
  await dialog(page).getByRole('button', { name: c('referrals.step.send'), exact: true }).click();
  await expect(toast(page, c('referrals.sent'))).toBeVisible();
  await expect(referral.getByRole('heading').getByText(c('referralState.sent'), { exact: true })).toBeVisible();
  await referral.getByRole('button', { name: new RegExp(`^${c('referrals.step.answer')}`) }).click();
  await dialog(page).getByRole('radio', { name: c('referralState.accepted'), exact: true }).check();
  await dialog(page).getByRole('button', { name: c('referrals.step.answer'), exact: true }).click();
  await expect(toast(page, c('referrals.done.answer'))).toBeVisible();
  await referral.getByRole('button', { name: new RegExp(`^${c('referrals.step.complete')}`) }).click();
  await dialog(page).getByRole('textbox', { name: c('referrals.stepText.complete'), exact: true }).fill('Осмотр проведён, назначено питание; вес в норме через месяц.');
  await dialog(page).getByRole('button', { name: c('referrals.step.complete'), exact: true }).click();
  await expect(toast(page, c('referrals.done.complete'))).toBeVisible();
  await expect(referral.getByRole('heading').getByText(c('referralState.completed'), { exact: true })).toBeVisible();
  await step(page, 'referral-completed');

  // — 12. A home visit, a document, and a risk review.
  await tabs.getByRole('link', { name: c('tabs.visits'), exact: true }).click();
  await page.getByRole('button', { name: c('visits.add'), exact: true }).click();
  d = dialog(page);
  await d.getByRole('textbox', { name: c('visits.participants'), exact: true }).fill('Мать, двое детей, председатель махалли');
  await d.getByRole('textbox', { name: c('visits.observations'), exact: true }).fill('В доме тепло и чисто; мать работает швеёй.');
  await d.getByRole('button', { name: c('visits.save'), exact: true }).click();
  await expect(toast(page, c('visits.saved'))).toBeVisible();
  await expect(section(page, c('visits.title')).getByRole('heading', { level: 3 })).toHaveCount(1);
  await step(page, 'visit-recorded');
  await tabs.getByRole('link', { name: c('tabs.attachments'), exact: true }).click();
  const file = page.getByLabel(c('attachments.file'), { exact: true });
  await file.setInputFiles({ name: 'program.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
  await expect(page.getByText(c('attachments.problem.unsupported')).first()).toBeVisible();
  await file.setInputFiles({ name: 'согласие.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
  await page.getByRole('button', { name: c('attachments.upload'), exact: true }).click();
  await expect(toast(page, c('attachments.uploaded', { name: 'согласие.pdf' }))).toBeVisible();
  await expect(section(page, c('attachments.title')).getByRole('link', { name: /согласие\.pdf/ })).toBeVisible();
  await step(page, 'documents');

  await tabs.getByRole('link', { name: c('tabs.summary'), exact: true }).click();
  await section(page, c('summary.riskTitle')).getByRole('button', { name: c('review.record'), exact: true }).click();
  d = dialog(page);
  await d.getByRole('radio', { name: c('risk.low'), exact: true }).check();
  await d.getByRole('textbox', { name: c('review.summary'), exact: true }).fill('Доход стабилен, дети ходят в школу и к врачу.');
  await d.getByRole('button', { name: c('review.save'), exact: true }).click();
  await expect(toast(page, c('review.recorded'))).toBeVisible();
  await expect(page.locator('.page-subtitle')).toContainText(c('riskShort', { risk: c('risk.low') }));
  await expect(section(page, c('summary.riskTitle')).getByRole('row').filter({ hasText: 'Доход стабилен' })).toContainText(`${c('risk.medium')} → ${c('risk.low')}`);
  await step(page, 'review-recorded');

  // — 13. Graduation review, closure requested, approved by the supervisor, exit as self-reliant.
  await lifecycle(page, 'start_graduation_review');
  await expect(page.locator('.page-subtitle')).toContainText(c('status.graduation_review'));
  await expect(page.locator('.blocked-list')).toContainText(c('summary.blocked', { action: c('event.exit'), reason: c('refusal.closure_approval_required') }));
  await section(page, c('approvals.title')).getByRole('button', { name: c('approvals.requestClosure'), exact: true }).click();
  await dialog(page).getByRole('button', { name: c('approvals.send'), exact: true }).click();
  await expect(toast(page, c('approvals.requestedToast'))).toBeVisible();
  await step(page, 'closure-requested');

  await sup.goto(caseUrl);
  const supApprovals = section(sup, c('approvals.title'));
  await supApprovals.getByRole('button', { name: `${c('approvals.approve')} — ${c('approvalSubject.closure')}` }).click();
  await dialog(sup).getByRole('button', { name: c('approvals.approve'), exact: true }).click();
  await expect(toast(sup, c('approvals.approvedToast'))).toBeVisible();
  await step(sup, 'supervisor-closure-approved');

  await page.reload();
  await expect(page.getByRole('group', { name: c('summary.nextSteps') }).getByRole('button', { name: c('event.exit'), exact: true })).toBeVisible();
  await lifecycle(page, 'exit', async (dlg) => {
    await expect(dlg.getByRole('combobox', { name: c('fields.exitReason'), exact: true }).locator('option', { hasText: c('exitReason.self_reliant') })).toHaveCount(1);
    await dlg.getByRole('combobox', { name: c('fields.exitReason'), exact: true }).selectOption('self_reliant');
    await dlg.getByRole('textbox', { name: c('fields.exitNote'), exact: true }).fill('Мать работает, дети учатся; цели плана достигнуты.');
    await step(page, 'exit-dialog');
  });
  await expect(page.locator('.page-subtitle')).toContainText(c('status.exited'));
  await expect(section(page, c('summary.statusTitle'))).toContainText(c('exitReason.self_reliant'));
  // After the exit the next step is the post-exit follow-up (or reopening).
  await expect(page.getByRole('group', { name: c('summary.nextSteps') }).getByRole('button')).toHaveText([c('event.close_follow_up'), c('event.reopen')]);
  await page.setViewportSize({ width: 360, height: 780 });
  await step(page, 'case-exited-phone-360');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 900 });

  // The case list finds the family by name, with its new status.
  await page.getByRole('navigation', { name: m('app.mainNavigation') }).getByRole('link', { name: c('nav.cases'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: c('list.title') })).toBeVisible();
  await page.getByRole('searchbox', { name: c('list.searchLabel'), exact: true }).fill(householdName);
  // Only this family's case once the search has answered (the list is dimmed until then).
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(1);
  const listRow = page.getByRole('row').filter({ hasText: caseNumber });
  await expect(listRow).toContainText(c('status.exited'));
  await expect(listRow).toContainText(c('riskShort', { risk: c('risk.low') }));
  await step(page, 'case-list-search');

  // — 14. The supervisor's dashboard and the period report show it.
  const after = await readFigures(sup, 'after');
  expect(after.exited).toBe(before.exited + 1);
  expect(after.families).toBe(before.families + 1);
  expect(after.children).toBe(before.children + 2);
  expect(after.services).toBe(before.services + 3); // one service here, and the group session for two families
  expect(after.assistanceCount).toBe(before.assistanceCount + 1);
  expect(after.assistanceValue).toBe(before.assistanceValue + 850_000);
  expect(after.sent).toBe(before.sent + 1);
  expect(after.accepted).toBe(before.accepted + 1);
  expect(after.completed).toBe(before.completed + 1);
  expect(after.selfReliant).toBe(before.selfReliant + 1);

  for (const format of ['csv', 'xlsx'] as const) {
    const download = sup.waitForEvent('download');
    await sup.getByRole('button', { name: c(format === 'csv' ? 'reports.downloadCsv' : 'reports.downloadXlsx'), exact: true }).click();
    expect((await download).suggestedFilename()).toMatch(new RegExp(`^family-strengthening-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
  }

  await supervisorContext.close();
  await workerContext.close();
  test.info().annotations.push({ type: 'duration', description: `${Math.round((Date.now() - started) / 1000)} s` });
});

test('a mahalla team in Uzbek (Latin): a partner organisation added, a case conference with attendees, a decision and a task followed up', async ({ browser }) => {
  test.setTimeout(120_000);
  mkdirSync(ART, { recursive: true });
  const U = 'uz-Latn' as const;
  const u = (key: string, vars?: Record<string, string | number>) => ct(U, key, vars);
  const suffix = uniqueSuffix();
  const school = `42-son maktab ${suffix}`;
  const context = await browser.newContext({ locale: 'uz-UZ' });
  const page = await context.newPage();
  await signIn(page, WORKER, { locale: U });

  // — The partner directory: a school with its contact person.
  await page.getByRole('navigation', { name: tr(U, 'app.mainNavigation') }).getByRole('link', { name: u('nav.partners'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: u('partners.title') })).toBeVisible();
  await page.getByRole('button', { name: u('partners.add'), exact: true }).click();
  const d = dialog(page);
  await d.getByRole('combobox', { name: u('partners.kind'), exact: true }).selectOption('school');
  await d.getByRole('textbox', { name: u('partners.name'), exact: true }).fill(school);
  await d.getByRole('textbox', { name: u('partners.phone'), exact: true }).fill('71 200 00 00');
  await d.getByRole('textbox', { name: u('partners.contactName'), exact: true }).fill('Aziza Karimova');
  await d.getByRole('textbox', { name: u('partners.contactPosition'), exact: true }).fill('Direktor oʻrinbosari');
  await step(page, 'teams-partner-dialog-uz-latn');
  await d.getByRole('button', { name: u('partners.save'), exact: true }).click();
  await expect(toast(page, u('partners.added', { name: school }))).toBeVisible();
  await page.getByRole('searchbox', { name: u('partners.search'), exact: true }).fill(suffix);
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(1);
  const row = page.getByRole('row').filter({ hasText: school });
  await expect(row).toContainText(u('partnerKind.school'));
  await expect(row).toContainText('+998 71 200 00 00');
  await step(page, 'teams-partner-added-uz-latn');

  // — The team, and a case conference: two attendees, one case discussed with its decision, one task.
  await page.getByRole('navigation', { name: tr(U, 'app.mainNavigation') }).getByRole('link', { name: u('nav.teams'), exact: true }).click();
  await page.getByRole('link', { name: 'Bogʻishamol mahalla team', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bogʻishamol mahalla team' })).toBeVisible();
  await step(page, 'teams-team-page-uz-latn');
  await page.getByRole('link', { name: u('teams.recordMeeting'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: u('teams.recordMeeting') })).toBeVisible();
  await page.getByRole('textbox', { name: u('teams.place'), exact: true }).fill('Bogʻishamol MFY binosi');
  await page.getByRole('checkbox', { name: 'Bahrom Qodirov (Bogʻishamol MFY)', exact: true }).check();
  await page.getByRole('textbox', { name: u('teams.guests'), exact: true }).fill(`Aziza Karimova, ${school}`);
  await page.getByRole('checkbox', { name: 'FS-2026-000001 · Rahimovlar oilasi', exact: true }).check();
  await page.getByRole('textbox', { name: u('teams.decisionFor', { number: 'FS-2026-000001' }), exact: true }).fill('Maktab davomatni har hafta xabar qiladi.');
  await page.getByRole('button', { name: u('teams.addTask'), exact: true }).click();
  await page.getByRole('textbox', { name: u('teams.task'), exact: true }).fill('Oʻgʻilning davomatini tekshirish');
  await page.getByRole('combobox', { name: u('teams.responsible'), exact: true }).selectOption({ label: 'Nodira Ismoilova' });
  await page.getByRole('textbox', { name: u('teams.dueOn'), exact: true }).fill(dateFromToday(14));
  await page.getByRole('combobox', { name: u('teams.taskCase'), exact: true }).selectOption({ label: 'FS-2026-000001' });
  await step(page, 'teams-meeting-form-uz-latn');
  await page.getByRole('button', { name: u('teams.saveMeeting'), exact: true }).click();
  await expect(toast(page, u('teams.meetingRecorded'))).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: u('teams.attendees_other', { count: 2 }) })).toBeVisible();
  await expect(section(page, u('teams.casesDiscussed'))).toContainText(u('teams.decision', { decision: 'Maktab davomatni har hafta xabar qiladi.' }));
  const task = section(page, u('teams.tasks')).getByRole('row').filter({ hasText: 'Oʻgʻilning davomatini tekshirish' });
  await expect(task).toContainText('Nodira Ismoilova');
  await task.getByRole('combobox').selectOption('done');
  await expect(toast(page, u('teams.taskUpdated'))).toBeVisible();
  await expect(task.getByRole('combobox')).toHaveValue('done');
  await step(page, 'teams-meeting-recorded-uz-latn');
  await context.close();
});
