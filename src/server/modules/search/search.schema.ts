import { z } from 'zod';
import { caseView } from '../cases/case.schema.ts';
import { householdView } from '../households/household.schema.ts';
import { personView } from '../people/person.schema.ts';

export const globalSearchBody = z.strictObject({
  q: z.string().trim().min(1).max(100),
  /** Hits per group, 10 by default. */
  limit: z.number().int().min(1).max(20).default(10),
});
export type GlobalSearchInput = z.output<typeof globalSearchBody>;

/** 0..1, best first within a group. */
const score = z.number().min(0).max(1);

/** A family case as a search hit: what the case list shows to recognise it; the household name only for views that see names. */
export const caseSearchHit = caseView
  .pick({ id: true, caseNumber: true, status: true, riskLevel: true, householdId: true, householdReference: true, householdName: true })
  .meta({ id: 'CaseSearchHit' });

/**
 * One group per kind of record: people and households by name, reference or
 * PINFL; family cases by number (FS-2026-000123, or its beginning).
 */
export const globalSearchResponse = z.object({
  people: z.array(z.object({ score, person: personView })),
  households: z.array(z.object({ score, household: householdView })),
  cases: z.array(z.object({ score, case: caseSearchHit })),
});
export type GlobalSearchResult = z.infer<typeof globalSearchResponse>;
