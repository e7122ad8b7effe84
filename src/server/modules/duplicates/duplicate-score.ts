/**
 * How alike two person records are: a pure function of the two records, so
 * the registration check, the background scan and the quality benchmark all
 * score the same way.
 *
 * The score adds evidence per field as log-odds (Fellegi–Sunter style): each
 * field that agrees or disagrees moves the odds that both records are one
 * person, and the sum becomes a probability-like score in 0..1. An equal
 * PINFL or birth certificate is decisive; different PINFLs nearly exclude.
 * The result is a suggestion for a person to review; nothing is ever merged
 * on it automatically.
 */
import { NAME_MATCH_THRESHOLD, nameSimilarity } from '../../../shared/names/index.ts';
import { DUPLICATE_REASONS, type DuplicateBand, type DuplicateReason, type DuplicateReasonCode } from '../../../shared/duplicates.ts';
import { distinctNames } from './match-keys.ts';

/** One side of a comparison: what a person record (or a registration being typed) says. */
export interface MatchRecord {
  /** Full names, in any order of words: the name as typed first, then its other-script form if any. */
  names: readonly string[];
  sex: 'female' | 'male' | null;
  /** 'YYYY-MM-DD' */
  birthDate: string | null;
  birthDateEstimated: boolean;
  pinfl: string | null;
  birthCertificate: string | null;
  mahallaId: string | null;
  districtId: string | null;
  /** Households the person is a current member of. */
  householdIds: readonly string[];
  /** Full names of the other adults of the person's households (parents, caregivers). */
  caregiverNames: readonly string[];
  /**
   * How many people of the registry bear this name (its core name key); left
   * out, the name counts as uncommon. Two namesakes are likelier two people
   * when the name is common, so agreement on a common name weighs less.
   */
  nameFrequency?: number | undefined;
}

export interface DuplicateScore {
  /** 0..1; compare with LIKELY_SCORE and POSSIBLE_SCORE. */
  score: number;
  band: DuplicateBand | null;
  /** Strongest evidence first. */
  reasons: DuplicateReason[];
  /** The best nameSimilarity() of the two records' names. */
  nameSimilarity: number;
}

export const LIKELY_SCORE = 0.9;
export const POSSIBLE_SCORE = 0.5;

/** Log-odds before any evidence: most pairs of records are two people. */
const PRIOR = -4;

/**
 * Name similarity → evidence. Steep around NAME_MATCH_THRESHOLD: below it the
 * names belong to siblings, twins or namesakes (Hasan/Husan, Aziz/Aziza),
 * whom nothing else can make "likely" — twins share everything but the name.
 */
const NAME_CURVE: ReadonlyArray<readonly [number, number]> = [
  [0, -8],
  [0.6, -6],
  [NAME_MATCH_THRESHOLD - 0.01, -2.5],
  [NAME_MATCH_THRESHOLD, 3.3],
  [0.95, 4],
  [1, 4.5],
];
const NAME_SAME = 0.97;

const W = {
  birthDateSame: 3,
  birthDateClose: 1.5,
  birthDateWithinTolerance: 0.8,
  /** Both dates exact, the same year, otherwise different (not a slip): more likely two people. */
  birthYearOnly: -1.5,
  birthDateDifferent: -5,
  birthDateDifferentEstimated: -2.5,
  sexSame: 0.3,
  sexDifferent: -3,
  pinflSame: 12,
  pinflDifferent: -8,
  birthCertificateSame: 9,
  birthCertificateDifferent: -2.5,
  householdShared: 1.5,
  caregiverSame: 1.5,
  /** A caregiver match adds little to a shared household: the two say much the same. */
  caregiverSameInSharedHousehold: 0.5,
  mahallaSame: 1,
  districtSame: 0.4,
  districtDifferent: -1.5,
} as const;

/**
 * Common names weigh less: an agreeing name loses
 * NAME_FREQUENCY_WEIGHT × ln(frequency / NAME_FREQUENCY_BASE), at most
 * NAME_FREQUENCY_MAX (Fellegi–Sunter's frequency-based agreement weight).
 */
const NAME_FREQUENCY_BASE = 3;
const NAME_FREQUENCY_WEIGHT = 0.5;
const NAME_FREQUENCY_MAX = 2;

function frequencyPenalty(a: MatchRecord, b: MatchRecord): number {
  const frequency = Math.max(a.nameFrequency ?? 1, b.nameFrequency ?? 1);
  return frequency <= NAME_FREQUENCY_BASE ? 0 : Math.min(NAME_FREQUENCY_MAX, NAME_FREQUENCY_WEIGHT * Math.log(frequency / NAME_FREQUENCY_BASE));
}

/** Decisive identity evidence puts the score at least here. */
const DECISIVE_FLOOR = 0.99;
/** Estimated dates of birth are guesses to within about this many days. */
const ESTIMATE_TOLERANCE_DAYS = 2 * 366;

function interpolate(curve: ReadonlyArray<readonly [number, number]>, x: number): number {
  for (let i = 1; i < curve.length; i++) {
    const [x1, y1] = curve[i]!;
    if (x <= x1) {
      const [x0, y0] = curve[i - 1]!;
      return x1 === x0 ? y1 : y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
    }
  }
  return curve[curve.length - 1]![1];
}

/** Best similarity between any name of one record and any name of the other. */
export function bestNameSimilarity(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  for (const x of distinctNames(a)) {
    for (const y of distinctNames(b)) {
      if (!x.trim() || !y.trim()) continue;
      best = Math.max(best, nameSimilarity(x, y));
      if (best >= 1) return 1;
    }
  }
  return best;
}

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

/** One digit differs (2012/2013, 14/15, 04/07) or two neighbours swapped (20/02, 2012/2021): a typing slip, not another date. */
function oneDigitApart(x: string, y: string): boolean {
  if (x.length !== y.length) return false;
  const differing: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) differing.push(i);
  if (differing.length === 1) return true;
  const [i, j] = differing as [number, number];
  return differing.length === 2 && j === i + 1 && x[i] === y[j] && x[j] === y[i];
}

function birthDateEvidence(a: MatchRecord, b: MatchRecord): { code: DuplicateReasonCode; weight: number } | null {
  if (!a.birthDate || !b.birthDate) return null;
  const estimated = a.birthDateEstimated || b.birthDateEstimated;
  if (a.birthDate === b.birthDate) return estimated ? { code: 'birth_date_close', weight: W.birthDateClose } : { code: 'birth_date_same', weight: W.birthDateSame };
  const days = Math.abs(dayNumber(a.birthDate) - dayNumber(b.birthDate));
  if (estimated) {
    if (days <= 366) return { code: 'birth_date_close', weight: W.birthDateClose };
    if (days <= ESTIMATE_TOLERANCE_DAYS) return { code: 'birth_date_close', weight: W.birthDateWithinTolerance };
    return { code: 'birth_date_different', weight: W.birthDateDifferentEstimated };
  }
  const [ay, am, ad] = a.birthDate.split('-') as [string, string, string];
  const [by, bm, bd] = b.birthDate.split('-') as [string, string, string];
  const swapped = ay === by && am === bd && ad === bm;
  const parts = [[ay, by], [am, bm], [ad, bd]] as const;
  const differing = parts.filter(([x, y]) => x !== y);
  const slip = differing.length === 1 && oneDigitApart(differing[0]![0], differing[0]![1]);
  if (swapped || slip || days <= 2) return { code: 'birth_date_close', weight: W.birthDateClose };
  if (ay === by) return { code: 'birth_year_same', weight: W.birthYearOnly };
  return { code: 'birth_date_different', weight: W.birthDateDifferent };
}

function anyNameMatch(a: readonly string[], b: readonly string[]): boolean {
  return a.length > 0 && b.length > 0 && bestNameSimilarity(a, b) >= NAME_MATCH_THRESHOLD;
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function bandOf(score: number): DuplicateBand | null {
  return score >= LIKELY_SCORE ? 'likely' : score >= POSSIBLE_SCORE ? 'possible' : null;
}

/**
 * Scores two records as possibly one person.
 *
 * @example scoreDuplicate(
 *   { ...blank, names: ['Ғайрат Юсупов'], birthDate: '2012-05-14', sex: 'male' },
 *   { ...blank, names: ['Gayrat Iusupov'], birthDate: '2012-05-14', sex: 'male' },
 * ).band // 'likely'
 */
export function scoreDuplicate(a: MatchRecord, b: MatchRecord): DuplicateScore {
  const { evidence, decisive } = otherEvidence(a, b);
  const similarity = bestNameSimilarity(a.names, b.names);
  evidence.push({
    code: similarity >= NAME_SAME ? 'name_same' : similarity >= NAME_MATCH_THRESHOLD ? 'name_similar' : 'name_different',
    weight: interpolate(NAME_CURVE, similarity) - (similarity >= NAME_MATCH_THRESHOLD ? frequencyPenalty(a, b) : 0),
  });
  let score = logistic(PRIOR + evidence.reduce((sum, e) => sum + e.weight, 0));
  if (decisive) score = Math.max(score, DECISIVE_FLOOR);
  score = Math.round(score * 1000) / 1000;
  const reasons = evidence
    .sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight))
    .map((e) => ({ code: e.code, effect: DUPLICATE_REASONS[e.code] }));
  return { score, band: bandOf(score), reasons, nameSimilarity: Math.round(similarity * 1000) / 1000 };
}

/** The log-odds that would put a pair exactly at POSSIBLE_SCORE. */
const POSSIBLE_LOG_ODDS = Math.log(POSSIBLE_SCORE / (1 - POSSIBLE_SCORE));
const BEST_NAME_WEIGHT = NAME_CURVE[NAME_CURVE.length - 1]![1];

/**
 * True when the pair cannot reach `possible` even if the names were
 * identical (say, exact dates of birth years apart): the scan and the check
 * skip the costly name comparison for it. scoreDuplicate would give it no band.
 */
export function cannotBeDuplicate(a: MatchRecord, b: MatchRecord): boolean {
  const { evidence, decisive } = otherEvidence(a, b, { optimisticCaregivers: true });
  if (decisive) return false;
  return PRIOR + BEST_NAME_WEIGHT - frequencyPenalty(a, b) + evidence.reduce((sum, e) => sum + e.weight, 0) < POSSIBLE_LOG_ODDS;
}

/** Evidence from every field but the names. */
function otherEvidence(a: MatchRecord, b: MatchRecord, opts: { optimisticCaregivers?: boolean } = {}): { evidence: { code: DuplicateReasonCode; weight: number }[]; decisive: boolean } {
  const evidence: { code: DuplicateReasonCode; weight: number }[] = [];
  const dob = birthDateEvidence(a, b);
  if (dob) evidence.push(dob);
  if (a.sex && b.sex) evidence.push(a.sex === b.sex ? { code: 'sex_same', weight: W.sexSame } : { code: 'sex_different', weight: W.sexDifferent });
  let decisive = false;
  if (a.pinfl && b.pinfl) {
    const same = a.pinfl === b.pinfl;
    decisive ||= same;
    evidence.push(same ? { code: 'pinfl_same', weight: W.pinflSame } : { code: 'pinfl_different', weight: W.pinflDifferent });
  }
  if (a.birthCertificate && b.birthCertificate) {
    const same = a.birthCertificate === b.birthCertificate;
    decisive ||= same;
    evidence.push(same ? { code: 'birth_certificate_same', weight: W.birthCertificateSame } : { code: 'birth_certificate_different', weight: W.birthCertificateDifferent });
  }
  const sharedHousehold = a.householdIds.some((h) => b.householdIds.includes(h));
  if (sharedHousehold) evidence.push({ code: 'household_shared', weight: W.householdShared });
  // Comparing caregivers' names costs as much as comparing the names: a quick bound assumes they match.
  const caregiverMatch = opts.optimisticCaregivers ? a.caregiverNames.length > 0 && b.caregiverNames.length > 0 : anyNameMatch(a.caregiverNames, b.caregiverNames);
  if (caregiverMatch) {
    evidence.push({ code: 'caregiver_same', weight: sharedHousehold ? W.caregiverSameInSharedHousehold : W.caregiverSame });
  }
  if (a.mahallaId && a.mahallaId === b.mahallaId) evidence.push({ code: 'mahalla_same', weight: W.mahallaSame });
  else if (a.districtId && b.districtId) {
    evidence.push(a.districtId === b.districtId ? { code: 'district_same', weight: W.districtSame } : { code: 'district_different', weight: W.districtDifferent });
  }
  return { evidence, decisive };
}

/** A record with nothing but names: the base for building partial records. */
export function blankMatchRecord(names: readonly string[]): MatchRecord {
  return {
    names, sex: null, birthDate: null, birthDateEstimated: false, pinfl: null, birthCertificate: null,
    mahallaId: null, districtId: null, householdIds: [], caregiverNames: [],
  };
}
