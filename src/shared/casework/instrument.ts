import { z } from 'zod';
import type { FieldError } from '../errors.ts';
import type { Locale } from '../i18n/locales.ts';

/**
 * Assessment instruments are data: a definition (domains → factors → one
 * described level per score) stored per published version. This file is the
 * schema every definition must pass, and the pure rules on answers (complete,
 * in range) and scores (per domain) that server and web app share.
 */

const CODE = /^[a-z][a-z0-9_]{1,47}$/;
export const instrumentCode = z.string().regex(CODE, 'invalid_format');

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
/** Apostrophe look-alikes that must not stand in for ʻ (U+02BB) or ʼ (U+02BC) in Uzbek Latin text. */
const STRAY_APOSTROPHES = /['`´‘’ʹʽ‛′]/u;

const phrase = z.string().trim().min(1).max(1000);

/**
 * A text in each of Oila's four languages. Uzbek Latin is written with ʻ
 * (U+02BB) in oʻ, gʻ and ʼ (U+02BC) for the tutuq, never a typed apostrophe;
 * Uzbek Cyrillic has no Latin letters (SOS aside).
 */
export const localizedText = z
  .strictObject({ en: phrase, ru: phrase, 'uz-Latn': phrase, 'uz-Cyrl': phrase })
  .superRefine((t, ctx) => {
    const latn = t['uz-Latn'];
    if (CYRILLIC.test(latn) || STRAY_APOSTROPHES.test(latn) || /[^oOgG]\u02BB/u.test(latn) || /^\u02BB/u.test(latn)) {
      ctx.addIssue({ code: 'custom', path: ['uz-Latn'], message: 'invalid_format' });
    }
    if (LATIN.test(t['uz-Cyrl'].replaceAll('SOS', ''))) ctx.addIssue({ code: 'custom', path: ['uz-Cyrl'], message: 'invalid_format' });
  });
export type LocalizedText = z.output<typeof localizedText>;

const level = z.strictObject({ score: z.number().int(), label: localizedText, description: localizedText });
const factor = z.strictObject({ code: instrumentCode, title: localizedText, levels: z.array(level).min(2).max(10) });
const domain = z.strictObject({ code: instrumentCode, title: localizedText, factors: z.array(factor).min(1).max(20) });

/**
 * An instrument version's definition. Every factor describes each score of
 * the scale once, in order; codes are unique across the instrument (a factor
 * may share its domain's code when the domain has one factor).
 */
export const instrumentDefinition = z
  .strictObject({
    title: localizedText,
    description: localizedText,
    scale: z.strictObject({ min: z.literal(1), max: z.number().int().min(2).max(10) }),
    domains: z.array(domain).min(1).max(20),
  })
  .superRefine((def, ctx) => {
    const domainCodes = new Set<string>();
    const factorCodes = new Set<string>();
    def.domains.forEach((d, di) => {
      if (domainCodes.has(d.code)) ctx.addIssue({ code: 'custom', path: ['domains', di, 'code'], message: 'invalid_value' });
      domainCodes.add(d.code);
      d.factors.forEach((f, fi) => {
        if (factorCodes.has(f.code)) ctx.addIssue({ code: 'custom', path: ['domains', di, 'factors', fi, 'code'], message: 'invalid_value' });
        factorCodes.add(f.code);
        const scores = f.levels.map((l) => l.score);
        const expected = Array.from({ length: def.scale.max - def.scale.min + 1 }, (_, i) => def.scale.min + i);
        if (scores.join(',') !== expected.join(',')) {
          ctx.addIssue({ code: 'custom', path: ['domains', di, 'factors', fi, 'levels'], message: 'invalid_value' });
        }
      });
    });
  });
export type InstrumentDefinition = z.output<typeof instrumentDefinition>;

/** Scores given per factor code: `{ food_security: 3, … }`. */
export type Answers = Record<string, number>;
/** Score per domain code: the mean of its factors' scores, to two decimals. */
export type DomainScores = Record<string, number>;

export function factorCodesOf(def: InstrumentDefinition): string[] {
  return def.domains.flatMap((d) => d.factors.map((f) => f.code));
}

/**
 * Checks answers against the very version they are given for: every factor
 * scored, each an integer on the scale, no factor the version does not have.
 * Returns field errors under `answers.<factor>`; none means valid.
 *
 * @example validateAnswers(csi, { food_security: 5 }) // [{ path: ['answers','food_security'], code: 'too_big', … }, { …'nutrition_growth', code: 'required' }, …]
 */
export function validateAnswers(def: InstrumentDefinition, answers: unknown): FieldError[] {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return [{ path: ['answers'], code: 'invalid_type' }];
  const given = answers as Record<string, unknown>;
  const errors: FieldError[] = [];
  const known = factorCodesOf(def);
  for (const code of known) {
    const value = given[code];
    const path = ['answers', code];
    if (value === undefined || value === null) errors.push({ path, code: 'required' });
    else if (typeof value !== 'number' || !Number.isInteger(value)) errors.push({ path, code: 'invalid_type' });
    else if (value < def.scale.min) errors.push({ path, code: 'too_small', params: { minimum: def.scale.min } });
    else if (value > def.scale.max) errors.push({ path, code: 'too_big', params: { maximum: def.scale.max } });
  }
  const knownSet = new Set(known);
  for (const key of Object.keys(given)) if (!knownSet.has(key)) errors.push({ path: ['answers', key], code: 'unknown_field' });
  return errors;
}

/** Checks that factor notes name only factors of the version. */
export function validateFactorNotes(def: InstrumentDefinition, notes: Record<string, string>): FieldError[] {
  const known = new Set(factorCodesOf(def));
  return Object.keys(notes).filter((k) => !known.has(k)).map((k) => ({ path: ['factorNotes', k], code: 'unknown_field' as const }));
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The score of each domain: the mean of its factors (valid answers assumed). */
export function domainScoresOf(def: InstrumentDefinition, answers: Answers): DomainScores {
  const out: DomainScores = {};
  for (const d of def.domains) {
    const scores = d.factors.map((f) => answers[f.code]).filter((v): v is number => typeof v === 'number');
    if (scores.length) out[d.code] = round2(scores.reduce((a, b) => a + b, 0) / scores.length);
  }
  return out;
}

/** The overall score: the mean of the domain scores. */
export function overallScoreOf(scores: DomainScores): number | null {
  const values = Object.values(scores);
  return values.length ? round2(values.reduce((a, b) => a + b, 0) / values.length) : null;
}

export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale];
}

/** One assessment as progress sees it. */
export interface ScoredAssessment {
  id: string;
  personId: string | null;
  instrumentCode: string;
  instrumentVersion: number;
  assessedOn: string;
  /** Tie-breaker for two assessments on one day. */
  createdAt: string;
  domainScores: DomainScores;
}

export interface DomainProgress {
  domain: string;
  first: { assessmentId: string; assessedOn: string; score: number } | null;
  latest: { assessmentId: string; assessedOn: string; score: number } | null;
  /** latest − first, when both exist. */
  change: number | null;
}

export interface ProgressSeries {
  personId: string | null;
  instrumentCode: string;
  assessments: number;
  domains: DomainProgress[];
}

/**
 * First against latest score per domain, per person (null: the household) and
 * instrument: the data a progress chart draws. A domain missing from one
 * version is compared over the assessments that have it, so publishing a new
 * version does not break a family's history.
 */
export function progressOf(assessments: readonly ScoredAssessment[], domainOrder: (code: string) => readonly string[] = () => []): ProgressSeries[] {
  const groups = new Map<string, ScoredAssessment[]>();
  for (const a of assessments) {
    const key = `${a.personId ?? ''}|${a.instrumentCode}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const series: ProgressSeries[] = [];
  for (const list of groups.values()) {
    const sorted = [...list].sort((x, y) => (x.assessedOn === y.assessedOn ? x.createdAt.localeCompare(y.createdAt) : x.assessedOn.localeCompare(y.assessedOn)));
    const head = sorted[0]!;
    const order = [...domainOrder(head.instrumentCode)];
    for (const a of sorted) for (const d of Object.keys(a.domainScores)) if (!order.includes(d)) order.push(d);
    const domains = order.map((domain): DomainProgress => {
      const having = sorted.filter((a) => a.domainScores[domain] !== undefined);
      const f = having[0];
      const l = having.at(-1);
      const first = f ? { assessmentId: f.id, assessedOn: f.assessedOn, score: f.domainScores[domain]! } : null;
      const latest = l ? { assessmentId: l.id, assessedOn: l.assessedOn, score: l.domainScores[domain]! } : null;
      return { domain, first, latest, change: first && latest ? round2(latest.score - first.score) : null };
    });
    series.push({ personId: head.personId, instrumentCode: head.instrumentCode, assessments: sorted.length, domains });
  }
  return series.sort((a, b) => (a.personId ?? '').localeCompare(b.personId ?? '') || a.instrumentCode.localeCompare(b.instrumentCode));
}
