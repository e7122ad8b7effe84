import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DUPLICATE_BANDS, DUPLICATE_PAIR_STATUSES, DUPLICATE_REASON_CODES } from '../../shared/duplicates.ts';
import { ERROR_CODES, FIELD_ERROR_CODES } from '../../shared/errors.ts';
import { LOCALES, type Locale } from '../../shared/i18n/locales.ts';
import { PROGRAMMES, ROLES } from '../../shared/permissions.ts';
import { AUDIT_OUTCOMES, CONSENT_PURPOSES, DATA_CATEGORIES, RELATIONSHIPS } from '../api/types.ts';
import {
  APPROVAL_STATUSES, APPROVAL_SUBJECTS, ATTACHMENT_KINDS, CASE_NOTE_KINDS, CASE_STATUSES, EXIT_REASONS, REFERRAL_SOURCES, RISK_LEVELS,
} from '../../shared/cases/case-codes.ts';
import { CASE_EVENTS, TRANSITION_REFUSALS } from '../../shared/cases/case-state-machine.ts';
import {
  ACTION_STATUSES, ASSISTANCE_KINDS, GOAL_PROGRESS, MEETING_KINDS, PARTNER_KINDS, PLAN_STATUSES, PROVIDER_KINDS, RESPONSIBLE_KINDS, SERVICE_TYPES,
  SERVICE_UNITS, TASK_STATUSES,
} from '../../shared/casework/codes.ts';
import { REFERRAL_EVENTS, REFERRAL_STATES } from '../../shared/casework/referral-state-machine.ts';
import { WORK_ITEM_KINDS } from '../modules/cases/case-types.ts';
import { MOVED_TABLES } from '../modules/duplicates/merge-model.ts';
import { NAV_ITEMS } from '../shell/nav-items.ts';

/**
 * The translations are complete and consistent: every key in every
 * language, never empty, the same placeholders everywhere, the plural forms
 * each language needs, every code the server can answer with, and every key
 * the code asks for.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const webRoot = path.resolve(here, '..');

type Flat = Map<string, string>;

function flatten(value: unknown, prefix = '', out: Flat = new Map()): Flat {
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else out.set(prefix, String(value));
  return out;
}

const readJson = (...parts: string[]): unknown => JSON.parse(readFileSync(path.join(here, 'locales', ...parts), 'utf8'));

/** Each language as the app loads it (bundles/*.ts): the main texts, the family-strengthening texts under `cases`, the duplicates review under `review`. */
const resources = Object.fromEntries(
  LOCALES.map((l) => [l, flatten(readJson('duplicates', `${l}.json`), 'review', flatten(readJson('cases', `${l}.json`), 'cases', flatten(readJson(`${l}.json`))))]),
) as Record<Locale, Flat>;

/** The plural categories each language uses (CLDR cardinal rules). */
const PLURALS: Record<Locale, readonly string[]> = {
  en: ['one', 'other'],
  ru: ['one', 'few', 'many', 'other'],
  'uz-Latn': ['one', 'other'],
  'uz-Cyrl': ['one', 'other'],
};
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Keys with plural forms folded into their base key, with the categories found. */
function baseKeys(flat: Flat): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of flat.keys()) {
    const m = PLURAL_SUFFIX.exec(key);
    const base = m ? key.slice(0, -m[0].length) : key;
    const set = out.get(base) ?? new Set<string>();
    if (m) set.add(m[1]!);
    out.set(base, set);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([a-zA-Z0-9_]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!);
}

/** Placeholders of a base key: the union over its plural forms (a form may leave out {{count}}). */
function placeholdersOf(flat: Flat, base: string): string {
  const names = new Set<string>();
  for (const [key, value] of flat) if (key === base || (key.startsWith(`${base}_`) && PLURAL_SUFFIX.test(key))) for (const p of placeholders(value)) names.add(p);
  return [...names].sort().join(',');
}

const english = baseKeys(resources.en);

describe('locale files', () => {
  for (const locale of LOCALES) {
    it(`${locale}: has every key and no extra ones`, () => {
      const keys = baseKeys(resources[locale]);
      expect([...keys.keys()].sort()).toEqual([...english.keys()].sort());
    });

    it(`${locale}: has no empty text`, () => {
      const empty = [...resources[locale]].filter(([, v]) => !v.trim()).map(([k]) => k);
      expect(empty).toEqual([]);
    });

    it(`${locale}: has exactly the plural forms the language needs`, () => {
      for (const [base, cats] of baseKeys(resources[locale])) {
        if (cats.size === 0) continue;
        expect([...cats].sort(), `${locale} ${base}`).toEqual([...PLURALS[locale]].sort());
      }
    });

    it(`${locale}: uses the same placeholders as English`, () => {
      for (const base of english.keys()) {
        expect(placeholdersOf(resources[locale], base), `${locale} ${base}`).toBe(placeholdersOf(resources.en, base));
      }
    });
  }

  it('Uzbek Latin writes oʻ and gʻ with U+02BB and the tutuq with U+02BC, never a typed apostrophe', () => {
    const bad = [...resources['uz-Latn']].filter(([, v]) => /['’‘`´]/.test(v)).map(([k, v]) => `${k}: ${v}`);
    expect(bad).toEqual([]);
    const wrongMark = [...resources['uz-Latn']].filter(([, v]) => /[^oOgG]\u02BB|[oOgG]\u02BC/.test(v)).map(([k, v]) => `${k}: ${v}`);
    expect(wrongMark).toEqual([]);
  });

  it('Uzbek Cyrillic uses Cyrillic letters only, apart from names that stay Latin', () => {
    const allowed = /\b(Oila|QR|FreeOTP|Aegis|Google|Authenticator|ID|2FA|I-TN|Nilufar|Nilyufar|Karimovlar|SOS|PDF|CSV|XLSX|DOCX|docx|Word|JPEG|PNG|WebP|FS|EU-VCPM)\b/g;
    const bad = [...resources['uz-Cyrl']].filter(([, v]) => /[A-Za-z]/.test(v.replace(/\{\{[^}]+\}\}/g, '').replace(allowed, ''))).map(([k, v]) => `${k}: ${v}`);
    expect(bad).toEqual([]);
  });

  it('Uzbek Cyrillic has the letters of Uzbek (Ў Қ Ғ Ҳ), not only Russian ones', () => {
    const all = [...resources['uz-Cyrl'].values()].join(' ');
    for (const letter of ['ў', 'қ', 'ғ', 'ҳ']) expect(all.toLowerCase()).toContain(letter);
  });
});

describe('keys the code needs', () => {
  const has = (key: string) => english.has(key);
  const families: [string, readonly string[]][] = [
    ['errors', [...ERROR_CODES, 'network']],
    ['fieldErrors', FIELD_ERROR_CODES],
    ['roles', ROLES],
    ['programmes', PROGRAMMES],
    ['relationship', RELATIONSHIPS],
    ['consent.purposes', CONSENT_PURPOSES],
    ['consent.categories', DATA_CATEGORIES],
    ['consent.statuses', ['active', 'expired', 'withdrawn']],
    ['audit.outcomes', AUDIT_OUTCOMES],
    ['fieldView', ['full', 'partner', 'deidentified']],
    ['sex', ['female', 'male']],
    ['toast', ['success', 'info', 'error']],
    ['conflict.kind', ['mine', 'theirs', 'both']],
    ['home.describe', ['people', 'households', 'users', 'audit']],
    ['users.done', ['disable', 'enable', 'reset-password', 'reset-totp']],
    ['duplicates.reasons', DUPLICATE_REASON_CODES],
    ['duplicates.band', DUPLICATE_BANDS],
    ['users.confirm', ['disable.title', 'disable.text', 'disable.button', 'enable.title', 'reset-password.title', 'reset-totp.button']],
    ['cases.status', CASE_STATUSES],
    ['cases.risk', RISK_LEVELS],
    ['cases.source', REFERRAL_SOURCES],
    ['cases.exitReason', EXIT_REASONS],
    ['cases.event', CASE_EVENTS],
    ['cases.eventHelp', CASE_EVENTS],
    ['cases.refusal', TRANSITION_REFUSALS],
    ['cases.approvalSubject', APPROVAL_SUBJECTS],
    ['cases.approvalStatus', APPROVAL_STATUSES],
    ['cases.noteKind', CASE_NOTE_KINDS],
    ['cases.attachmentKind', ATTACHMENT_KINDS],
    ['cases.work.kind', WORK_ITEM_KINDS],
    ['cases.serviceType', SERVICE_TYPES],
    ['cases.providerKind', PROVIDER_KINDS],
    ['cases.unit', SERVICE_UNITS],
    ['cases.assistanceKind', ASSISTANCE_KINDS],
    ['cases.partnerKind', PARTNER_KINDS],
    ['cases.meetingKind', MEETING_KINDS],
    ['cases.taskStatus', TASK_STATUSES],
    ['cases.planStatus', PLAN_STATUSES],
    ['cases.actionStatus', ACTION_STATUSES],
    ['cases.goalProgress', GOAL_PROGRESS],
    ['cases.responsibleKind', RESPONSIBLE_KINDS],
    ['cases.referralState', REFERRAL_STATES],
    ['cases.referralEvent', REFERRAL_EVENTS],
    ['review.queue.statuses', DUPLICATE_PAIR_STATUSES],
    ['review.scan.phase', ['indexing', 'matching']],
    ['review.history.tables', [...MOVED_TABLES, 'other']],
  ];
  for (const [prefix, codes] of families) {
    it(`translates every ${prefix} value`, () => {
      expect(codes.filter((c) => !has(`${prefix}.${c}`))).toEqual([]);
    });
  }

  it('translates every menu item and its description on the home page', () => {
    const keys = NAV_ITEMS.flatMap((i) => [i.label, i.describe ?? `home.describe.${i.to.slice(1)}`]);
    expect(keys.filter((k) => !has(k))).toEqual([]);
  });

  it('has every key written literally in the source as t(…)', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(webRoot)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) if (!has(m[1]!)) missing.push(`${path.relative(webRoot, file)}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}
