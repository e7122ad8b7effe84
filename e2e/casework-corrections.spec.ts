/**
 * Correcting what was recorded on a case, in Uzbek (Latin): a social worker
 * fixes a service's amount and cost, the value of one-time assistance and the
 * reason of a draft referral before it is sent; a change made meanwhile by
 * someone else is not overwritten (the list reloads and says so). Each
 * screen is screenshotted to e2e/artifacts/casework-corrections--…/ and
 * checked with axe.
 */
import { expect, test, type Page } from '@playwright/test';
import { WORKER, apiJson, expectNoSeriousAxeViolations, shot, signIn, tr, uniqueSuffix } from './support.ts';

const L = 'uz-Latn' as const;
const t = (key: string, vars?: Record<string, string | number>) => tr(L, key, vars);
const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const toast = (page: Page, text: string) => page.locator('.toasts').getByText(text, { exact: true });

async function step(page: Page, name: string): Promise<void> {
  await shot(page, name);
  await expectNoSeriousAxeViolations(page, name);
}

interface Recorded {
  id: string;
  version: number;
}

test('a worker corrects a service, an assistance and a draft referral; a change made meanwhile is kept', async ({ page }) => {
  await signIn(page, WORKER, { locale: L });

  // An enrolled family with a service, in-kind assistance and a draft referral, recorded as the worker would through the API.
  const suffix = uniqueSuffix();
  const org = await apiJson<{ branches: { id: string; code: string }[] }>(page, 'GET', '/api/organisation');
  const branchId = org.branches.find((b) => b.code === 'TAS')!.id;
  const household = await apiJson<{ household: { id: string }; members: { relationship: string; person: { id: string } }[] }>(page, 'POST', '/api/households', {
    displayName: `Qodirovlar ${suffix}`, branchId,
    members: [
      { relationship: 'mother', isPrimaryCaregiver: true, person: { givenName: `Zulfiya${suffix.toLowerCase()}`, familyName: 'Qodirova', sex: 'female', birthDate: '1988-02-14' } },
      { relationship: 'child', person: { givenName: `Jasur${suffix.toLowerCase()}`, familyName: 'Qodirov', sex: 'male', birthDate: '2016-09-03' } },
    ],
  });
  const child = household.members.find((m) => m.relationship === 'child')!.person.id;
  const today = new Date().toISOString().slice(0, 10);
  const opened = await apiJson<{ case: { id: string } }>(page, 'POST', '/api/cases', { householdId: household.household.id, referralSource: 'mahalla_team', referralDate: today });
  const caseId = opened.case.id;
  for (const event of ['start_screening', 'enrol']) {
    const { case: c } = await apiJson<{ case: { version: number } }>(page, 'GET', `/api/cases/${caseId}`);
    await apiJson(page, 'POST', `/api/cases/${caseId}/transitions`, { event, version: c.version });
  }
  const service = await apiJson<Recorded>(page, 'POST', `/api/cases/${caseId}/services`, {
    serviceType: 'psychological', providerKind: 'internal', deliveredOn: today, units: 1, unit: 'session', costUzs: '150000',
  });
  const assistance = await apiJson<Recorded>(page, 'POST', `/api/cases/${caseId}/assistance`, { kind: 'in_kind', item: 'Qishki kiyim', valueUzs: '400000', givenOn: today });
  const partners = await apiJson<{ items: { id: string; name: string }[] }>(page, 'POST', '/api/partner-organisations/search', {});
  const referral = await apiJson<Recorded>(page, 'POST', `/api/cases/${caseId}/referrals`, {
    partnerId: partners.items[0]!.id, personId: child, reason: 'Psixolog maslahati', dataCategories: ['identity'],
  });

  // ——— the service: two sessions, not one, and the cost of both ———
  await page.goto(`/cases/${caseId}/services`);
  const services = region(page, t('cases.services.title'));
  await services.getByRole('button', { name: new RegExp(`^${t('common.edit')} — `) }).click();
  let d = page.getByRole('dialog', { name: t('cases.services.edit') });
  await expect(d.getByRole('textbox', { name: t('cases.services.units'), exact: true })).toHaveValue('1');
  await expect(d.getByRole('textbox', { name: t('cases.services.cost'), exact: true })).toHaveValue('150000');
  await d.getByRole('textbox', { name: t('cases.services.units'), exact: true }).fill('2');
  await d.getByRole('textbox', { name: t('cases.services.cost'), exact: true }).fill('300 000');
  await step(page, '01-service-correction');
  await d.getByRole('button', { name: t('common.saveChanges'), exact: true }).click();
  await expect(toast(page, t('cases.services.updated'))).toBeVisible();
  const services1 = await apiJson<{ items: { id: string; units: number; costUzs: string; version: number }[] }>(page, 'GET', `/api/cases/${caseId}/services`);
  expect(services1.items.find((s) => s.id === service.id)).toMatchObject({ units: 2, version: service.version + 1 });
  expect(Number(services1.items.find((s) => s.id === service.id)!.costUzs)).toBe(300000);
  await expect(services.getByRole('row').nth(1)).toContainText(/300[\s\u00a0\u202f]000/);
  await step(page, '02-service-corrected');

  // ——— the assistance: its value ———
  const assistanceRegion = region(page, t('cases.assistance.title'));
  await assistanceRegion.getByRole('button', { name: new RegExp(`^${t('common.edit')} — `) }).click();
  d = page.getByRole('dialog', { name: t('cases.assistance.edit') });
  await expect(d.getByRole('textbox', { name: t('cases.assistance.item'), exact: true })).toHaveValue('Qishki kiyim');
  await d.getByRole('textbox', { name: t('cases.assistance.value'), exact: true }).fill('450 000');
  await d.getByRole('button', { name: t('common.saveChanges'), exact: true }).click();
  await expect(toast(page, t('cases.assistance.updated'))).toBeVisible();
  const given = await apiJson<{ items: { id: string; valueUzs: string; item: string }[] }>(page, 'GET', `/api/cases/${caseId}/assistance`);
  expect(Number(given.items.find((a) => a.id === assistance.id)!.valueUzs)).toBe(450000);
  expect(given.items[0]!.item).toBe('Qishki kiyim');

  // ——— a change made meanwhile (another tab, another worker) is not overwritten ———
  await services.getByRole('button', { name: new RegExp(`^${t('common.edit')} — `) }).click();
  d = page.getByRole('dialog', { name: t('cases.services.edit') });
  const current = services1.items.find((s) => s.id === service.id)!;
  await apiJson(page, 'PATCH', `/api/cases/${caseId}/services/${service.id}`, { version: current.version, units: 3 });
  await d.getByRole('textbox', { name: t('cases.services.units'), exact: true }).fill('4');
  await d.getByRole('button', { name: t('common.saveChanges'), exact: true }).click();
  await expect(toast(page, t('common.changedMeanwhile'))).toBeVisible();
  await expect(d).toHaveCount(0);
  const services2 = await apiJson<{ items: { id: string; units: number }[] }>(page, 'GET', `/api/cases/${caseId}/services`);
  expect(services2.items.find((s) => s.id === service.id)!.units).toBe(3);
  await expect(services.getByRole('row').nth(1)).toContainText('3');
  await step(page, '03-changed-meanwhile');

  // ——— the draft referral: its reason, before it is sent ———
  await page.goto(`/cases/${caseId}/referrals`);
  const referrals = region(page, t('cases.referrals.title'));
  await referrals.getByRole('button', { name: `${t('common.edit')} — ${partners.items[0]!.name}`, exact: true }).click();
  d = page.getByRole('dialog', { name: t('cases.referrals.edit') });
  await expect(d.getByRole('textbox', { name: t('cases.referrals.reason'), exact: true })).toHaveValue('Psixolog maslahati');
  await d.getByRole('textbox', { name: t('cases.referrals.reason'), exact: true }).fill('Psixolog maslahati: maktabdagi tashvish');
  await step(page, '04-draft-referral-correction');
  await d.getByRole('button', { name: t('common.saveChanges'), exact: true }).click();
  await expect(toast(page, t('cases.referrals.updated'))).toBeVisible();
  await expect(referrals).toContainText('Psixolog maslahati: maktabdagi tashvish');
  const drafts = await apiJson<{ items: { id: string; reason: string; version: number; status: string }[] }>(page, 'GET', `/api/cases/${caseId}/referrals`);
  expect(drafts.items.find((r) => r.id === referral.id)).toMatchObject({ reason: 'Psixolog maslahati: maktabdagi tashvish', status: 'draft', version: referral.version + 1 });
  await step(page, '05-draft-referral-corrected');
});
