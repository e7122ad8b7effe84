import { z } from 'zod';
import { INSTRUMENT_KINDS } from '../../../shared/casework/codes.ts';
import { instrumentCode, instrumentDefinition } from '../../../shared/casework/instrument.ts';
import { optionalText, pastDate, text, uuid, version } from '../../../shared/schemas/common.ts';

/**
 * Assessment instruments (versioned definitions) and assessments taken with
 * them. Answers are checked in the service against the exact version they are
 * given for, so the field errors name the instrument's own factors.
 */

export const instrumentKind = z.enum(INSTRUMENT_KINDS).meta({ id: 'InstrumentKind' });

export const instrumentView = z
  .object({
    id: uuid,
    code: z.string(),
    version: z.number().int(),
    kind: instrumentKind,
    /** The newest active version of its code for the caller's organisation: new assessments use it. */
    current: z.boolean(),
    active: z.boolean(),
    /** Shipped with Oila (every organisation sees it), not published by the organisation. */
    builtIn: z.boolean(),
    publishedAt: z.string(),
    definition: instrumentDefinition,
  })
  .meta({ id: 'AssessmentInstrument' });
export type InstrumentView = z.infer<typeof instrumentView>;

export const listInstrumentsQuery = z.strictObject({
  code: instrumentCode.optional(),
  /** Older versions too (to show an old assessment with the version it was taken with). */
  all: z.enum(['true', 'false']).default('false').transform((s) => s === 'true'),
});

export const publishInstrumentBody = z
  .strictObject({ code: instrumentCode, kind: instrumentKind, definition: instrumentDefinition })
  .meta({ id: 'PublishInstrument' });
export type PublishInstrumentInput = z.output<typeof publishInstrumentBody>;

/** Scores per factor code, checked against the instrument version in the service. */
const answers = z.record(z.string().max(48), z.unknown());
const factorNotes = z.record(z.string().max(48), text(1000));

export const createAssessmentBody = z
  .strictObject({
    /** The instrument version the answers are for: the current version of its code. */
    instrumentId: uuid,
    /** The child assessed (a member of the case's household); leave out for a household instrument. */
    personId: uuid.nullish().transform((s) => s ?? null),
    assessedOn: pastDate,
    /** Defaults to the caller. */
    assessorId: uuid.optional(),
    answers,
    factorNotes: factorNotes.default({}),
    summary: optionalText(4000),
  })
  .meta({ id: 'CreateAssessment' });
export type CreateAssessmentInput = z.output<typeof createAssessmentBody>;

export const updateAssessmentBody = z
  .strictObject({
    version,
    assessedOn: pastDate.optional(),
    assessorId: uuid.optional(),
    /** The whole set again, for the version the assessment was taken with. */
    answers: answers.optional(),
    factorNotes: factorNotes.optional(),
    summary: optionalText(4000).optional(),
  })
  .meta({ id: 'UpdateAssessment' });
export type UpdateAssessmentInput = z.output<typeof updateAssessmentBody>;

export const assessmentView = z
  .object({
    id: uuid,
    caseId: uuid,
    episode: z.number().int(),
    personId: uuid.nullable(),
    instrument: z.object({ id: uuid, code: z.string(), version: z.number().int(), kind: instrumentKind }),
    assessedOn: z.string(),
    assessorId: uuid.optional(),
    assessorName: z.string().optional(),
    answers: z.record(z.string(), z.number()).optional(),
    factorNotes: z.record(z.string(), z.string()).optional(),
    domainScores: z.record(z.string(), z.number()),
    overallScore: z.number().nullable(),
    summary: z.string().nullable().optional(),
    version: z.number().int(),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
  })
  .meta({ id: 'Assessment' });
export type AssessmentView = z.infer<typeof assessmentView>;

const point = z.object({ assessmentId: uuid, assessedOn: z.string(), score: z.number() }).nullable();
export const progressView = z
  .object({
    series: z.array(
      z.object({
        /** The child; null for a household instrument. */
        personId: uuid.nullable(),
        instrumentCode: z.string(),
        assessments: z.number().int(),
        domains: z.array(z.object({ domain: z.string(), first: point, latest: point, change: z.number().nullable() })),
      }),
    ),
  })
  .meta({ id: 'AssessmentProgress' });
