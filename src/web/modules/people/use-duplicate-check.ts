import { parseDisplayDate } from '../../../shared/i18n/format.ts';
import { isValidBirthCertificate, normalizeBirthCertificate } from '../../../shared/validation/birth-certificate.ts';
import { isValidPinfl } from '../../../shared/validation/pinfl.ts';
import { api } from '../../api/client.ts';
import type { DuplicateCandidate, Sex } from '../../api/types.ts';
import { useDebounced, useResource } from '../../api/use-resource.ts';
import type { PersonFormValues } from './person-model.ts';

/**
 * Possible duplicates of the person being typed, asked of the server while
 * the worker types (POST /api/people/duplicates/check: names stay out of
 * URLs). The pure parts — when there is enough to ask, what is sent, how the
 * answers combine and what a save must then carry — are exported and tested.
 */

/** What the check accepts (server: duplicates/duplicate.schema.ts `duplicateCheckBody`). */
export interface DuplicateCheckBody {
  givenName?: string;
  familyName?: string;
  patronymic?: string;
  givenNameAlt?: string;
  familyNameAlt?: string;
  patronymicAlt?: string;
  sex?: Sex;
  birthDate?: string;
  birthDateEstimated?: boolean;
  pinfl?: string;
  birthCertificate?: string;
  regionId?: string;
  districtId?: string;
  mahallaId?: string;
  householdId?: string;
  caregiverNames?: string[];
  excludePersonId?: string;
}

/** What the form does not hold itself: the household's address for a new member, the person being edited. */
export interface CheckContext {
  address?: { regionId: string; districtId: string; mahallaId: string };
  caregiverNames?: readonly string[];
  householdId?: string;
  excludePersonId?: string;
}

/** A name counts as typed from its second letter: one letter matches half the registry. */
const typed = (s: string): string | undefined => {
  const v = s.trim();
  return [...v].length >= 2 ? v : undefined;
};

/**
 * The check to run for the form as typed so far, or null while there is not
 * enough to compare: a given and a family name, or a complete PINFL or birth
 * certificate. Half-typed or impossible values (a date still being typed, a
 * PINFL with a bad check digit) are left out rather than sent to be refused.
 */
export function duplicateCheckBody(v: PersonFormValues, context: CheckContext = {}, today = new Date()): DuplicateCheckBody | null {
  const givenName = typed(v.givenName);
  const familyName = typed(v.familyName);
  const pinfl = v.pinfl.replace(/\s+/g, '');
  const validPinfl = isValidPinfl(pinfl) ? pinfl : undefined;
  const certificate = v.birthCertificate.trim() && isValidBirthCertificate(v.birthCertificate) ? normalizeBirthCertificate(v.birthCertificate) : undefined;
  if (!(givenName && familyName) && !validPinfl && !certificate) return null;

  const body: DuplicateCheckBody = {};
  const put = <K extends keyof DuplicateCheckBody>(key: K, value: DuplicateCheckBody[K] | undefined | '') => {
    if (value !== undefined && value !== '') body[key] = value;
  };
  put('givenName', givenName);
  put('familyName', familyName);
  put('patronymic', typed(v.patronymic));
  put('givenNameAlt', typed(v.givenNameAlt));
  put('familyNameAlt', typed(v.familyNameAlt));
  put('patronymicAlt', typed(v.patronymicAlt));
  put('sex', v.sex || undefined);
  const born = v.birthDate.trim() ? parseDisplayDate(v.birthDate) : null;
  if (born && born >= '1900-01-01' && born <= today.toISOString().slice(0, 10)) {
    body.birthDate = born;
    if (v.birthDateEstimated) body.birthDateEstimated = true;
  }
  put('pinfl', validPinfl);
  put('birthCertificate', certificate);
  const address = context.address ?? v;
  put('regionId', address.regionId);
  put('districtId', address.districtId);
  put('mahallaId', address.mahallaId);
  put('householdId', context.householdId);
  const caregivers = (context.caregiverNames ?? []).map((n) => n.trim()).filter((n) => n.length >= 2).slice(0, 10);
  if (caregivers.length) body.caregiverNames = caregivers;
  put('excludePersonId', context.excludePersonId);
  return body;
}

/** Candidates from several answers (a refused save, the live check), each person once, in the order first seen. */
export function mergeCandidates(...lists: readonly (readonly DuplicateCandidate[])[]): DuplicateCandidate[] {
  const seen = new Set<string>();
  const out: DuplicateCandidate[] = [];
  for (const c of lists.flat()) {
    if (seen.has(c.person.id)) continue;
    seen.add(c.person.id);
    out.push(c);
  }
  return out;
}

/** The same body is the same key: an unchanged form asks nothing new. */
export function checkKey(body: DuplicateCheckBody | null): string {
  return body ? JSON.stringify(body) : '';
}

/** A refused save's candidates, with the form's check key at the time. */
export interface RefusedCandidates {
  key: string;
  candidates: DuplicateCandidate[];
}

/** A refusal stands while the person typed is the one refused; once a name or date changes, the live check speaks again. */
export function stillRefused(refused: RefusedCandidates | undefined, body: DuplicateCheckBody | null): DuplicateCandidate[] {
  return refused && refused.key === checkKey(body) ? refused.candidates : [];
}

/** The server refuses a registration only for likely duplicates; only then is a reason asked for. */
export function needsDuplicateReason(candidates: readonly DuplicateCandidate[]): boolean {
  return candidates.some((c) => c.band === 'likely');
}

export type DuplicateSaveDecision =
  | { kind: 'plain' }
  | { kind: 'reason_missing' }
  | { kind: 'override'; override: { reason: string; candidateIds: string[] } };

/**
 * What a save carries given the candidates on screen: nothing extra when none
 * is likely; otherwise the worker's reason and every candidate they were
 * shown (the server accepts the save only if its own likely ones are among
 * them, so a candidate the worker never saw still stops it).
 */
export function duplicateSaveDecision(candidates: readonly DuplicateCandidate[], reason: string): DuplicateSaveDecision {
  if (!needsDuplicateReason(candidates)) return { kind: 'plain' };
  const text = reason.trim();
  if (!text) return { kind: 'reason_missing' };
  return { kind: 'override', override: { reason: text, candidateIds: candidates.slice(0, 20).map((c) => c.person.id) } };
}

/** Changes whose fields are worth a new check on the edit form: names, birth date, identity numbers. */
export const IDENTITY_FIELDS = [
  'givenName', 'familyName', 'patronymic', 'givenNameAlt', 'familyNameAlt', 'patronymicAlt', 'birthDate', 'pinfl', 'birthCertificate',
] as const satisfies readonly (keyof PersonFormValues)[];

export function identityChanged(before: PersonFormValues, after: PersonFormValues): boolean {
  return IDENTITY_FIELDS.some((f) => before[f].trim() !== after[f].trim());
}

export interface DuplicateCheck {
  /** The latest answer's candidates; empty while there is nothing to check. */
  candidates: DuplicateCandidate[];
  /** A check is waiting for its answer. */
  checking: boolean;
}

/**
 * Runs the check ~400 ms after the body stops changing. A newer body aborts
 * the request still under way (useResource), so only the latest answer is
 * shown; a body equal to the last one asks nothing. A failed check shows no
 * candidates: the save's own check still stands behind it.
 */
export function useDuplicateCheck(body: DuplicateCheckBody | null, options: { enabled?: boolean; delayMs?: number } = {}): DuplicateCheck {
  const key = options.enabled === false ? '' : checkKey(body);
  const settled = useDebounced(key, options.delayMs ?? 400);
  const result = useResource(
    settled ? (signal) => api.post<{ candidates: DuplicateCandidate[] }>('/api/people/duplicates/check', JSON.parse(settled) as DuplicateCheckBody, { signal }) : null,
    [settled],
  );
  if (!key || !settled || result.error !== undefined) return { candidates: [], checking: Boolean(key) && (key !== settled || result.loading) };
  return { candidates: result.data?.candidates ?? [], checking: key !== settled || result.loading };
}
