import { z } from 'zod';
import { defineRoute } from '../../platform/http/define-route.ts';
import {
  assessmentView, createAssessmentBody, instrumentView, listInstrumentsQuery, progressView, publishInstrumentBody, updateAssessmentBody,
} from './assessment.schema.ts';
import {
  getAssessment, getAssessments, getInstrument, getInstruments, getProgress, publishInstrument, recordAssessment, updateAssessment,
} from './assessment.service.ts';

const caseParams = z.object({ caseId: z.uuid() });
const assessmentParams = z.object({ caseId: z.uuid(), assessmentId: z.uuid() });
const record = { param: 'caseId', kind: 'family_case' } as const;
const tags = ['assessments'];

const t = (en: string, ru: string, latn: string, cyrl: string) => ({ en, ru, 'uz-Latn': latn, 'uz-Cyrl': cyrl });
const exampleLevels = [
  { score: 1, label: t('Not ready', 'Не готов', 'Tayyor emas', 'Тайёр эмас'), description: t('Cannot yet hold a pencil.', 'Пока не держит карандаш.', 'Hali qalam ushlay olmaydi.', 'Ҳали қалам ушлай олмайди.') },
  { score: 2, label: t('Ready', 'Готов', 'Tayyor', 'Тайёр'), description: t('Writes a few letters.', 'Пишет несколько букв.', 'Bir necha harf yozadi.', 'Бир неча ҳарф ёзади.') },
];

export const assessmentRoutes = [
  defineRoute({
    method: 'GET', url: '/api/assessment-instruments', permission: 'casework.read', action: 'instrument.list',
    summary: 'Assessment instruments: the current version of each, or every version with all=true', tags,
    query: listInstrumentsQuery, response: z.object({ items: z.array(instrumentView) }),
    handler: async ({ query }, ctx) => getInstruments(ctx, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/assessment-instruments/:instrumentId', permission: 'casework.read', action: 'instrument.read',
    summary: 'One version of an assessment instrument, with its definition', tags,
    params: z.object({ instrumentId: z.uuid() }), response: instrumentView,
    handler: async ({ params }, ctx) => getInstrument(ctx, params.instrumentId),
  }),
  defineRoute({
    method: 'POST', url: '/api/assessment-instruments', permission: 'instrument.manage', action: 'instrument.publish',
    summary: "Publish the next version of an instrument for the organisation; earlier versions and their assessments stay as they were", tags,
    body: publishInstrumentBody, response: instrumentView, status: 201,
    example: {
      code: 'school_readiness', kind: 'child',
      definition: {
        title: t('School readiness', 'Готовность к школе', 'Maktabga tayyorlik', 'Мактабга тайёрлик'),
        description: t('Whether a child is ready for the first grade.', 'Готов ли ребёнок к первому классу.', 'Bola birinchi sinfga tayyormi.', 'Бола биринчи синфга тайёрми.'),
        scale: { min: 1, max: 2 },
        domains: [{ code: 'skills', title: t('Skills', 'Навыки', 'Koʻnikmalar', 'Кўникмалар'), factors: [{ code: 'writing', title: t('Writing', 'Письмо', 'Yozish', 'Ёзиш'), levels: exampleLevels }] }],
      },
    },
    handler: async ({ body }, ctx) => publishInstrument(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/cases/:caseId/assessments', permission: 'casework.read', action: 'assessment.list',
    summary: 'The assessments of a case, newest first', tags,
    params: caseParams, record, response: z.object({ items: z.array(assessmentView) }),
    handler: async ({ params }, ctx) => getAssessments(ctx, params.caseId),
  }),
  defineRoute({
    method: 'GET', url: '/api/cases/:caseId/assessments/progress', permission: 'casework.read', action: 'assessment.progress',
    summary: 'First against latest score per domain, per child and for the household', tags,
    params: caseParams, record, response: progressView,
    handler: async ({ params }, ctx) => getProgress(ctx, params.caseId),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/assessments', permission: 'casework.write', action: 'assessment.create',
    summary: 'Record an assessment with the current version of an instrument; every factor scored', tags,
    params: caseParams, record, body: createAssessmentBody, response: assessmentView, status: 201,
    example: {
      instrumentId: '00000000-0000-4000-8000-000000000002', personId: '00000000-0000-4000-8000-000000000003', assessedOn: '2026-02-10',
      answers: { food_security: 3, nutrition_growth: 3, shelter: 2, care: 3, abuse_exploitation: 4, legal_protection: 2, wellness: 3, health_care_services: 3, emotional_health: 2, social_behaviour: 3, performance: 2, education_work: 3 },
    },
    handler: async ({ params, body }, ctx) => recordAssessment(ctx, params.caseId, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/cases/:caseId/assessments/:assessmentId', permission: 'casework.read', action: 'assessment.read',
    summary: 'One assessment', tags,
    params: assessmentParams, record, response: assessmentView,
    handler: async ({ params }, ctx) => getAssessment(ctx, params.caseId, params.assessmentId),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/cases/:caseId/assessments/:assessmentId', permission: 'casework.write', action: 'assessment.update',
    summary: 'Change an assessment; answers are checked against the version it was taken with. Send the version you saw', tags,
    params: assessmentParams, record, body: updateAssessmentBody, response: assessmentView,
    example: { version: 1, summary: 'Reassessed with the mother present.' },
    handler: async ({ params, body }, ctx) => updateAssessment(ctx, params.caseId, params.assessmentId, body),
  }),
];
