import { z } from 'zod';
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

/**
 * One group per kind of record. Extension point: family cases by number get
 * a `cases` group here and a provider in search.service.ts.
 */
export const globalSearchResponse = z.object({
  people: z.array(z.object({ score, person: personView })),
  households: z.array(z.object({ score, household: householdView })),
});
export type GlobalSearchResult = z.infer<typeof globalSearchResponse>;
