import { useEffect } from 'react';
import type { DuplicateCandidate } from '../../api/types.ts';
import { DuplicateCandidates, DuplicatesAnnouncer, type DuplicateReasonField } from '../people/duplicate-candidates.tsx';
import type { PersonFormValues } from '../people/person-model.ts';
import { duplicateCheckBody, useDuplicateCheck } from '../people/use-duplicate-check.ts';

/** The id prefix of a member row's candidates panel: `member-2-duplicates-reason` is its reason field. */
export const memberDuplicatesPrefix = (index: number): string => `member-${index}-duplicates-`;

export interface MemberDuplicatesProps {
  index: number;
  values: PersonFormValues;
  /** The household's address: new members take it. */
  address: { regionId: string; districtId: string; mahallaId: string };
  caregiverNames: readonly string[];
  /** What to show: the page merges a refused save's candidates with the live ones reported through `onLive`. */
  candidates: readonly DuplicateCandidate[];
  onLive: (candidates: DuplicateCandidate[]) => void;
  reason: DuplicateReasonField;
  enabled: boolean;
}

/**
 * Possible duplicates of one new member, checked as their name is typed, under
 * their row. The page decides what a save needs, so the live answer goes up
 * and the list to show comes back down.
 */
export function MemberDuplicates({ index, values, address, caregiverNames, candidates, onLive, reason, enabled }: MemberDuplicatesProps) {
  const live = useDuplicateCheck(duplicateCheckBody(values, { address, caregiverNames }), { enabled });
  // Reported by content, not identity: a fresh array on each render must not loop.
  const signature = live.candidates.map((c) => `${c.person.id}:${c.band}`).join(',');
  useEffect(() => onLive(live.candidates), [signature]);
  return (
    <>
      <DuplicatesAnnouncer count={candidates.length} />
      {candidates.length > 0 && <DuplicateCandidates candidates={candidates} idPrefix={memberDuplicatesPrefix(index)} headingLevel={3} reason={reason} />}
    </>
  );
}
