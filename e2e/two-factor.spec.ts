import { expect, test } from '@playwright/test';
import {
  ADMIN, DIRECTOR, SUPERVISOR, WORKER, expectNoSeriousAxeViolations, freshTotpCode, shot, signIn, tr, wrongTotpCode,
} from './support.ts';

/**
 * Roles with access to sensitive records sign in with a second factor; the
 * administrator manages accounts and reads the audit log; the director reads
 * it filtered by one colleague.
 */

test('the supervisor needs the authenticator code; a wrong code is refused in their language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Вход в Oila' })).toBeVisible();
  await page.getByLabel('E-mail', { exact: true }).fill(SUPERVISOR);
  await page.getByLabel('Пароль', { exact: true }).fill('Oila demo passphrase');
  await page.getByRole('button', { name: 'Войти', exact: true }).click();

  // The password alone is not enough: the second step asks for the code.
  await expect(page.getByRole('heading', { level: 1, name: 'Введите код для входа' })).toBeVisible();
  await expect(page.getByText(tr('ru', 'signIn.totpIntro'))).toBeVisible();
  const code = page.getByLabel('6-значный код', { exact: true });
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  expect((await page.request.get('/api/auth/session').then((r) => r.json())).stage).toBe('pending_totp');
  await shot(page, '01-code-step');
  await expectNoSeriousAxeViolations(page, 'code step');

  // A wrong code: refused, with the Russian message, and still on the code step.
  await code.fill(wrongTotpCode());
  await page.getByRole('button', { name: 'Продолжить', exact: true }).click();
  const summary = page.getByRole('alert').filter({ hasText: tr('ru', 'common.errorSummaryTitle') });
  await expect(summary).toContainText('Код неверный. Проверьте время на телефоне и попробуйте снова.');
  await expect(page.getByRole('heading', { level: 1, name: 'Введите код для входа' })).toBeVisible();
  await expect(code).toHaveValue('');
  expect((await page.request.get('/api/auth/session').then((r) => r.json())).stage).toBe('pending_totp');
  await shot(page, '02-wrong-code');
  await expectNoSeriousAxeViolations(page, 'wrong code');

  // The right code signs in.
  await code.fill(await freshTotpCode(SUPERVISOR));
  await page.getByRole('button', { name: 'Продолжить', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Oila', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bahodir Karimov');
  const session = await page.request.get('/api/auth/session').then((r) => r.json());
  expect(session).toMatchObject({ stage: 'active', user: { email: SUPERVISOR, totpEnabled: true, roles: ['supervisor'] } });
  await shot(page, '03-signed-in');
  await context.close();
});

test('the administrator opens Users and the Audit log', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ADMIN, { totp: true, locale: 'en' });
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Users', 'Audit log']) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  // An administrator manages accounts, not case records.
  await expect(nav.getByRole('link', { name: 'People', exact: true })).toHaveCount(0);

  await nav.getByRole('link', { name: 'Users', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  const users = page.getByRole('table');
  const worker = users.getByRole('row').filter({ has: page.getByRole('link', { name: 'Malika Tursunova', exact: true }) });
  await expect(worker).toContainText(WORKER);
  await expect(worker).toContainText('Social worker');
  await expect(worker).toContainText('Two-factor off');
  const director = users.getByRole('row').filter({ hasText: DIRECTOR });
  await expect(director).toContainText('Director');
  await expect(director).toContainText('Two-factor on');
  await expect(users.getByRole('row').filter({ hasText: ADMIN })).toContainText('Administrator');
  await shot(page, '01-users');
  await expectNoSeriousAxeViolations(page, 'users');

  await nav.getByRole('link', { name: 'Audit log', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const audit = page.getByRole('table');
  // The administrator's own sign-in a moment ago is there, newest first.
  const ownSignIn = audit.getByRole('row').filter({ hasText: 'Timur Yusupov' }).filter({ has: page.getByText('auth.sign_in', { exact: true }) });
  await expect(ownSignIn.first()).toBeVisible();
  await expect(ownSignIn.first()).toContainText('Done');
  await page.getByRole('button', { name: 'Check integrity', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^The audit log is intact: [\d,]+ events checked\.$/ })).toBeVisible();
  await shot(page, '02-audit-log');
  await expectNoSeriousAxeViolations(page, 'audit log');
  await context.close();
});

test('the director sees the audit log filtered by the social worker’s actions', async ({ browser }) => {
  // The worker does something worth recording: signs in.
  const workerContext = await browser.newContext();
  const workerPage = await workerContext.newPage();
  await signIn(workerPage, WORKER);
  await workerContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DIRECTOR, { totp: true, locale: 'en' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const audit = page.getByRole('table');
  const who = audit.locator('tbody td[data-label="Who"]');
  // Unfiltered, the director's own sign-in is listed.
  await expect(who.filter({ hasText: 'Zulfiya Rashidova' }).first()).toBeVisible();

  const userFilter = page.getByRole('combobox', { name: 'User', exact: true });
  await expect(userFilter.getByRole('option', { name: 'Malika Tursunova', exact: true })).toBeAttached();
  await userFilter.selectOption({ label: 'Malika Tursunova' });
  await page.getByRole('button', { name: 'Apply filters', exact: true }).click();

  await expect(who.filter({ hasText: 'Zulfiya Rashidova' })).toHaveCount(0);
  await expect(who.first()).toHaveText('Malika Tursunova');
  const names = await who.allTextContents();
  expect(names.length).toBeGreaterThan(0);
  expect(new Set(names)).toEqual(new Set(['Malika Tursunova']));
  await expect(audit.getByText('auth.sign_in', { exact: true }).first()).toBeVisible();
  await shot(page, '01-audit-by-worker');
  await expectNoSeriousAxeViolations(page, 'audit log filtered');
  await context.close();
});
