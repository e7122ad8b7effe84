import { mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIResponse, type Locator, type Page } from '@playwright/test';
import { generateSync } from 'otplib';

/**
 * Helpers shared by the browser tests: signing in through the real sign-in
 * page, accessibility checks, screenshots, the interface's own translations,
 * and calls to the API with the browser's session.
 */

const here = dirname(fileURLToPath(import.meta.url));

/** The demo accounts' password and authenticator secret (src/server/demo/demo-seed.ts). */
export const DEMO_PASSWORD = 'Oila demo passphrase';
export const DEMO_TOTP_SECRET = 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD';

export const WORKER = 'worker@demo.oila.uz';
export const SUPERVISOR = 'supervisor@demo.oila.uz';
export const DIRECTOR = 'director@demo.oila.uz';
export const ADMIN = 'admin@demo.oila.uz';
export const ME_OFFICER = 'me@demo.oila.uz';
export const PARTNER = 'partner@demo.oila.uz';
export const EDITOR = 'editor@demo.oila.uz';

export const NBSP = '\u00A0';

// ————— translations —————

export type Locale = 'en' | 'ru' | 'uz-Latn' | 'uz-Cyrl';
export const LOCALES: readonly Locale[] = ['en', 'ru', 'uz-Latn', 'uz-Cyrl'];

type Messages = { [key: string]: string | Messages };
const messages = new Map<Locale, Messages>();

function load(locale: Locale): Messages {
  let m = messages.get(locale);
  if (!m) {
    // Put together as src/web/i18n/bundles/ does: the main file, and each module's file under its namespace.
    const file = (...parts: string[]) => JSON.parse(readFileSync(join(here, '..', 'src', 'web', 'i18n', 'locales', ...parts), 'utf8')) as Messages;
    m = { ...file(`${locale}.json`), cases: file('cases', `${locale}.json`), review: file('duplicates', `${locale}.json`) };
    messages.set(locale, m);
  }
  return m;
}

/**
 * A label exactly as the app's locale file has it, with `{{name}}` filled in.
 * Tests look controls up by these, so they use the real translated labels.
 */
export function tr(locale: Locale, key: string, vars: Record<string, string | number> = {}): string {
  let node: string | Messages | undefined = load(locale);
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no message ${key} in ${locale}`);
  return node.replace(/\{\{(\w+)(?:, *\w+)?\}\}/g, (_, name: string) => String(vars[name] ?? `{{${name}}}`));
}

/** A regular expression matching a message exactly in any of the four languages. */
export function anyLocale(key: string): RegExp {
  const escaped = LOCALES.map((l) => tr(l, key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^(${[...new Set(escaped)].join('|')})$`);
}

/** The interface language of the page, from `<html lang>`. */
export async function pageLocale(page: Page): Promise<Locale> {
  const lang = await page.evaluate(() => document.documentElement.lang);
  if (!(LOCALES as readonly string[]).includes(lang)) throw new Error(`unexpected <html lang="${lang}">`);
  return lang as Locale;
}

// ————— signing in —————

/** The last 30-second step whose code each user has spent: the server takes a code once. */
const spentSteps = new Map<string, number>();
const STEP_MS = 30_000;

/**
 * A fresh authenticator code for a two-factor demo account. When this user has
 * already used the current step's code, waits for the next step.
 */
export async function freshTotpCode(email: string): Promise<string> {
  const spent = spentSteps.get(email);
  let step = Math.floor(Date.now() / STEP_MS);
  if (spent !== undefined && step <= spent) {
    await new Promise((resolve) => setTimeout(resolve, (spent + 1) * STEP_MS - Date.now() + 250));
    step = Math.floor(Date.now() / STEP_MS);
  }
  spentSteps.set(email, step);
  return generateSync({ secret: DEMO_TOTP_SECRET, epoch: Math.floor(Date.now() / 1000) });
}

/** A six-digit code that is certainly wrong now: not the code of this, the last or the next step. */
export function wrongTotpCode(): string {
  const now = Math.floor(Date.now() / 1000);
  const near = new Set([-60, -30, 0, 30, 60].map((d) => generateSync({ secret: DEMO_TOTP_SECRET, epoch: now + d })));
  for (const candidate of ['000000', '111111', '123456', '999999']) if (!near.has(candidate)) return candidate;
  throw new Error('no wrong code found');
}

export interface SignInOptions {
  /** Answer the second step with a code from the demo authenticator secret. */
  totp?: boolean;
  /**
   * The language to work in. It is picked on the sign-in page, which the app
   * treats as an explicit choice that wins over (and replaces) the account's
   * saved language; without it, the account's saved language applies.
   */
  locale?: Locale;
}

/**
 * Signs in through the real sign-in page, in whatever language it shows.
 * Opens `/` first when the page has not been anywhere yet; otherwise expects
 * the sign-in page to be showing. Resolves once the signed-in app is shown.
 */
export async function signIn(page: Page, email: string, options: SignInOptions = {}): Promise<void> {
  if (page.url() === 'about:blank') await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: anyLocale('signIn.title') })).toBeVisible();
  if (options.locale) await chooseLanguage(page, options.locale, { force: true });
  const lang = await pageLocale(page);
  await page.getByLabel(tr(lang, 'signIn.email'), { exact: true }).fill(email);
  await page.getByLabel(tr(lang, 'signIn.password'), { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: tr(lang, 'signIn.submit'), exact: true }).click();
  if (options.totp) {
    await expect(page.getByRole('heading', { level: 1, name: tr(lang, 'signIn.totpTitle') })).toBeVisible();
    await page.getByLabel(tr(lang, 'signIn.code'), { exact: true }).fill(await freshTotpCode(email));
    await page.getByRole('button', { name: tr(lang, 'signIn.verify'), exact: true }).click();
  }
  // The brand is a link home only inside the signed-in app.
  await expect(page.getByRole('link', { name: 'Oila', exact: true })).toBeVisible();
  // The account's language (just saved, or the one it had) is loaded after the sign-in answer: wait for it.
  // A language picked on the sign-in page is saved to the account in the background: wait for that too.
  const savedLocale = async () => (await apiJson<{ stage: string; user?: { locale: string } }>(page, 'GET', '/api/auth/session')).user?.locale;
  if (options.locale) await expect.poll(savedLocale, { message: 'the language chosen at sign-in is saved' }).toBe(options.locale);
  const locale = await savedLocale();
  expect(locale, 'signed in').toBeTruthy();
  await expect(page.locator('html')).toHaveAttribute('lang', locale!);
}

/**
 * Picks a language in the page's language menu (sign-in page or top bar).
 * With `force`, first picks another language when it is already the one
 * shown, so the choice is a real change the app records.
 */
export async function chooseLanguage(page: Page, locale: Locale, { force = false } = {}): Promise<void> {
  const current = await pageLocale(page);
  if (current === locale && !force) return;
  if (current === locale) {
    const other: Locale = locale === 'en' ? 'ru' : 'en';
    await chooseLanguage(page, other);
  }
  const select = page.getByRole('combobox', { name: tr(await pageLocale(page), 'app.language'), exact: true });
  await select.selectOption(locale);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  // Disabled while the choice is being saved to the account.
  await expect(page.getByRole('combobox', { name: tr(locale, 'app.language'), exact: true })).toBeEnabled();
}

// ————— the API, with the browser's session —————

/** The CSRF token the app echoes in `x-csrf-token`, read from the context's cookie. */
export async function csrfToken(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'oila_csrf' || c.name === '__Host-oila_csrf');
  if (!cookie) throw new Error('no CSRF cookie: open a page of the app first');
  return cookie.value;
}

/** Calls the API as the signed-in user of this page (same cookies, CSRF header on writes). */
export async function api(page: Page, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, data?: unknown): Promise<APIResponse> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['x-csrf-token'] = await csrfToken(page);
  return page.request.fetch(path, { method, headers, ...(data === undefined ? {} : { data }) });
}

/** Like `api`, expecting a 2xx answer, and returning its JSON. */
export async function apiJson<T = any>(page: Page, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, data?: unknown): Promise<T> {
  const response = await api(page, method, path, data);
  expect(response.ok(), `${method} ${path} → ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

// ————— accessibility —————

/**
 * Runs axe on the page as it is now and fails on any serious or critical
 * violation, naming each rule and the elements it found.
 */
export async function expectNoSeriousAxeViolations(page: Page, label = ''): Promise<void> {
  // A list refreshing behind its old rows is dimmed on purpose: check the page once it has settled.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map((v) => `[${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ') ?? ''}`).join('\n')}`)
    .join('\n');
  expect(bad.length, `axe found serious/critical violations${label ? ` on ${label}` : ''} at ${page.url()}:\n${report}`).toBe(0);
}

// ————— screenshots —————

const ARTIFACTS = join(here, 'artifacts');

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .slice(0, 80);
}

/**
 * A full-page screenshot, saved as `e2e/artifacts/<spec>--<test>/<name>.png`
 * (kept after the run; the folder is gitignored) and attached to the report.
 */
export async function shot(page: Page, name: string): Promise<void> {
  const info = test.info();
  const folder = join(ARTIFACTS, `${basename(info.file).replace(/\.spec\.ts$/, '')}--${slug(info.title)}`);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  await info.attach(name, { path, contentType: 'image/png' });
}

// ————— reading pages —————

/** The value of a row of a details card (`<dt>label</dt><dd>value</dd>`). */
export function detailValue(page: Page, label: string): Locator {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page.locator('.details-row').filter({ has: page.locator('dt', { hasText: exact }) }).locator('dd');
}

// ————— data —————

/** A suffix that makes names created by this run unique on a shared server. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();
}

/** A date `years` years and `days` days before today, as YYYY-MM-DD. */
export function yearsAgo(years: number, days = 0, today = new Date()): string {
  const d = new Date(Date.UTC(today.getFullYear() - years, today.getMonth(), today.getDate() - days));
  return d.toISOString().slice(0, 10);
}

/** YYYY-MM-DD as the app writes it in Russian and Uzbek: dd.mm.yyyy. */
export function ddmmyyyy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** An instant as dd.mm.yyyy HH:MM on the wall clock in Tashkent (UTC+5, no daylight saving). */
export function tashkentDateTime(isoInstant: string): string {
  const t = new Date(Date.parse(isoInstant) + 5 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(t.getUTCDate())}.${p(t.getUTCMonth() + 1)}.${t.getUTCFullYear()} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
}

/** Whole years between a YYYY-MM-DD birth date and today. */
export function ageToday(birthIso: string, today = new Date()): number {
  const [y, m, d] = birthIso.split('-').map(Number) as [number, number, number];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age -= 1;
  return age;
}
