import { pickVisible, type VisibleFields } from '../../platform/access/field-visibility.ts';
import type { Actor } from '../../platform/http/context.ts';
import type { Assessment, AssessmentInstrument } from '../../db/casework-tables.ts';
import type { AssessmentView } from './assessment.schema.ts';

/**
 * What each field view sees of an assessment. A partner sees where the child
 * or family stands (domain scores), not the factor answers, notes or summary;
 * monitoring sees every score, never the free text or who assessed by name.
 */
const VISIBLE: VisibleFields<AssessmentView> = {
  partner: new Set<keyof AssessmentView>(['id', 'caseId', 'episode', 'personId', 'instrument', 'assessedOn', 'assessorName', 'domainScores', 'overallScore', 'version']),
  deidentified: new Set<keyof AssessmentView>([
    'id', 'caseId', 'episode', 'personId', 'instrument', 'assessedOn', 'assessorId', 'answers', 'domainScores', 'overallScore', 'version', 'createdAt', 'updatedAt',
  ]),
};

export type AssessmentRow = Assessment & { assessor_name: string };

export function assessmentViewFor(actor: Pick<Actor, 'fieldView'>, row: AssessmentRow, instrument: Pick<AssessmentInstrument, 'id' | 'code' | 'version' | 'kind'>): AssessmentView {
  return pickVisible(actor.fieldView, {
    id: row.id,
    caseId: row.case_id,
    episode: row.episode,
    personId: row.person_id,
    instrument: { id: instrument.id, code: instrument.code, version: instrument.version, kind: instrument.kind },
    assessedOn: row.assessed_on,
    assessorId: row.assessor_id,
    assessorName: row.assessor_name,
    answers: row.answers,
    factorNotes: row.factor_notes,
    domainScores: row.domain_scores,
    overallScore: row.overall_score === null ? null : Number(row.overall_score),
    summary: row.summary,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }, VISIBLE);
}
