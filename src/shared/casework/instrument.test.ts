import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHILD_STATUS_INDEX_V1, HOUSEHOLD_SELF_RELIANCE_V1 } from '../../server/db/migrations/0004-casework-instruments.ts';
import { LOCALES } from '../i18n/locales.ts';
import { domainScoresOf, factorCodesOf, instrumentDefinition, localizedText, overallScoreOf, progressOf, validateAnswers, type InstrumentDefinition } from './instrument.ts';

function allTexts(def: InstrumentDefinition) {
  return [def.title, def.description, ...def.domains.flatMap((d) => [d.title, ...d.factors.flatMap((f) => [f.title, ...f.levels.flatMap((l) => [l.label, l.description])])])];
}

describe('built-in instruments', () => {
  it('the Child Status Index has 6 domains of 2 factors, each scored 1–4 with a description', () => {
    const def = instrumentDefinition.parse(CHILD_STATUS_INDEX_V1);
    expect(def.domains.map((d) => d.code)).toEqual(['food_nutrition', 'shelter_care', 'protection', 'health', 'psychosocial', 'education_skills']);
    expect(factorCodesOf(def)).toEqual([
      'food_security', 'nutrition_growth', 'shelter', 'care', 'abuse_exploitation', 'legal_protection',
      'wellness', 'health_care_services', 'emotional_health', 'social_behaviour', 'performance', 'education_work',
    ]);
    for (const f of def.domains.flatMap((d) => d.factors)) expect(f.levels.map((l) => l.score)).toEqual([1, 2, 3, 4]);
  });

  it('the household benchmark has 8 dimensions scored 1–4', () => {
    const def = instrumentDefinition.parse(HOUSEHOLD_SELF_RELIANCE_V1);
    expect(def.domains).toHaveLength(8);
    expect(factorCodesOf(def)).toContain('parenting');
  });

  it('speaks all four languages, with ʻ and Uzbek Cyrillic letters where Uzbek needs them', () => {
    for (const def of [CHILD_STATUS_INDEX_V1, HOUSEHOLD_SELF_RELIANCE_V1]) {
      const texts = allTexts(def);
      for (const t of texts) for (const l of LOCALES) expect(t[l].length).toBeGreaterThan(0);
      const latn = texts.map((t) => t['uz-Latn']).join(' ');
      const cyrl = texts.map((t) => t['uz-Cyrl']).join(' ');
      expect(latn).toMatch(/oʻ/);
      expect(latn).not.toMatch(/['’‘`]/);
      for (const letter of ['ў', 'қ', 'ғ', 'ҳ']) expect(cyrl).toContain(letter);
      expect(cyrl).not.toMatch(/[a-z]/i);
    }
  });
});

describe('localized text', () => {
  it('refuses a typed apostrophe in Uzbek Latin and Latin letters in Uzbek Cyrillic', () => {
    const ok = { en: 'Child', ru: 'Ребёнок', 'uz-Latn': 'Oʻgʻil', 'uz-Cyrl': 'Ўғил' };
    expect(localizedText.safeParse(ok).success).toBe(true);
    expect(localizedText.safeParse({ ...ok, 'uz-Latn': "O'g'il" }).success).toBe(false);
    expect(localizedText.safeParse({ ...ok, 'uz-Cyrl': 'Ўgil' }).success).toBe(false);
    expect(localizedText.safeParse({ ...ok, ru: '' }).success).toBe(false);
  });
});

describe('answers', () => {
  const def = instrumentDefinition.parse(CHILD_STATUS_INDEX_V1);
  const full = Object.fromEntries(factorCodesOf(def).map((c) => [c, 3]));

  it('accepts every factor scored on the scale', () => {
    expect(validateAnswers(def, full)).toEqual([]);
  });

  it('names a score off the scale, a missing factor, a fraction and an unknown factor', () => {
    const { care: _care, ...missing } = full;
    expect(validateAnswers(def, { ...missing, food_security: 5, shelter: 0, wellness: 2.5, hygiene: 3 })).toEqual([
      { path: ['answers', 'food_security'], code: 'too_big', params: { maximum: 4 } },
      { path: ['answers', 'shelter'], code: 'too_small', params: { minimum: 1 } },
      { path: ['answers', 'care'], code: 'required' },
      { path: ['answers', 'wellness'], code: 'invalid_type' },
      { path: ['answers', 'hygiene'], code: 'unknown_field' },
    ]);
    expect(validateAnswers(def, [1, 2])).toEqual([{ path: ['answers'], code: 'invalid_type' }]);
  });

  it('scores each domain as the mean of its factors', () => {
    const scores = domainScoresOf(def, { ...full, food_security: 1, nutrition_growth: 2, shelter: 4 });
    expect(scores).toMatchObject({ food_nutrition: 1.5, shelter_care: 3.5, protection: 3 });
    expect(overallScoreOf({ a: 1, b: 2, c: 2 })).toBe(1.67);
  });

  it('any complete valid answer set scores every domain within the scale', () => {
    const codes = factorCodesOf(def);
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: codes.length, maxLength: codes.length }), (values) => {
      const answers = Object.fromEntries(codes.map((c, i) => [c, values[i]!]));
      expect(validateAnswers(def, answers)).toEqual([]);
      const scores = domainScoresOf(def, answers);
      expect(Object.keys(scores)).toHaveLength(6);
      for (const s of Object.values(scores)) expect(s >= 1 && s <= 4).toBe(true);
    }));
  });
});

describe('progress', () => {
  const a = (id: string, personId: string | null, assessedOn: string, scores: Record<string, number>, code = 'child_status_index') =>
    ({ id, personId, instrumentCode: code, instrumentVersion: 1, assessedOn, createdAt: `${assessedOn}T10:00:00Z`, domainScores: scores });

  it('compares the first and the latest score per domain, per child', () => {
    const series = progressOf([
      a('2', 'p1', '2026-03-01', { health: 3, protection: 2 }),
      a('1', 'p1', '2026-01-01', { health: 1, protection: 2 }),
      a('3', 'p1', '2026-06-01', { health: 4, protection: 3.5 }),
      a('4', 'p2', '2026-02-01', { health: 2 }),
    ]);
    expect(series).toHaveLength(2);
    expect(series[0]).toMatchObject({ personId: 'p1', assessments: 3 });
    expect(series[0]!.domains.find((d) => d.domain === 'health')).toEqual({
      domain: 'health',
      first: { assessmentId: '1', assessedOn: '2026-01-01', score: 1 },
      latest: { assessmentId: '3', assessedOn: '2026-06-01', score: 4 },
      change: 3,
    });
    expect(series[1]!.domains[0]).toMatchObject({ change: 0, first: { assessmentId: '4' }, latest: { assessmentId: '4' } });
  });

  it('keeps a domain that a later version dropped or added', () => {
    const series = progressOf([a('1', null, '2026-01-01', { income: 1, old: 2 }, 'hsr'), a('2', null, '2026-05-01', { income: 3, added: 4 }, 'hsr')], () => ['income', 'old', 'added']);
    expect(series[0]!.domains.map((d) => [d.domain, d.change])).toEqual([['income', 2], ['old', 0], ['added', 0]]);
  });
});
