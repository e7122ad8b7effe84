import { z } from 'zod';
import { version } from '../../../shared/schemas/common.ts';
import { defineRoute } from '../../platform/http/define-route.ts';
import { addNote, addVisit, changeNote, changeVisit, getNotes, getVisits } from './case-activity.service.ts';
import { downloadAttachment, getAttachments, removeAttachment, uploadAttachment } from './case-attachment.service.ts';
import {
  ATTACHMENT_MAX_BYTES, approvalDecisionResult, approvalView, assignBody, attachmentView, caseDetail, casePage, caseView, createCaseBody,
  createNoteBody, createVisitBody, dashboardQuery, removeAttachmentBody, dashboardView, decisionBody, fileBytes, myWorkQuery, myWorkView, noteView,
  requestApprovalBody, reviewBody, reviewPolicyView, reviewView, searchCasesBody, transitionBody, updateCaseBody, updateNoteBody,
  updateReviewPolicyBody, updateVisitBody, visitView,
} from './case.schema.ts';
import {
  assignCase, decideApproval, findCases, getApprovals, getCase, getReviewPolicy, getReviews, openCase, requestApproval, reviewCase,
  transitionCase, updateCase, updateReviewPolicy, withdrawApproval,
} from './case.service.ts';
import { dashboard, myWork } from './case-work.ts';

const params = z.object({ caseId: z.uuid() });
const record = { param: 'caseId', kind: 'family_case' } as const;
const tags = ['cases'];
const withdrawBody = z.strictObject({ version }).meta({ id: 'WithdrawCaseApproval' });

export const caseRoutes = [
  defineRoute({
    method: 'POST', url: '/api/cases/search', permission: 'case.read', action: 'case.search',
    summary: 'Find family cases: caseload and team views, filters by status, risk, worker, branch and overdue work', tags,
    body: searchCasesBody, response: casePage, example: { status: ['active', 'enrolled'], view: 'mine', sort: 'nextReviewOn', page: 1, pageSize: 25 },
    handler: async ({ body }, ctx) => findCases(ctx, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases', permission: 'case.create', action: 'case.create',
    summary: 'Open a family case for a household, on a referral', tags,
    body: createCaseBody, response: caseDetail, status: 201,
    example: { householdId: '00000000-0000-4000-8000-0000000000aa', referralSource: 'mahalla_team', referralDate: '2026-01-15', referralNote: 'Referred by the mahalla chair', riskLevel: 'medium' },
    handler: async ({ body }, ctx) => openCase(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/cases/my-work', permission: 'case.read', action: 'case.my_work',
    summary: "The worker's home: due and overdue work on my caseload (and requests waiting for my approval)", tags,
    query: myWorkQuery, response: myWorkView,
    handler: async ({ query }, ctx) => myWork(ctx, query.horizonDays),
  }),
  defineRoute({
    method: 'GET', url: '/api/cases/dashboard', permission: 'case.read', action: 'case.dashboard',
    summary: 'Supervisor dashboard: caseload per worker, risk mix, overdue work, counts by status', tags,
    query: dashboardQuery, response: dashboardView,
    handler: async ({ query }, ctx) => dashboard(ctx, query.branchId),
  }),
  defineRoute({
    method: 'GET', url: '/api/cases/review-policy', permission: 'case.settings', action: 'case.policy.read',
    summary: "The organisation's review deadlines per risk level and other case deadlines", tags,
    response: reviewPolicyView,
    handler: async (_input, ctx) => getReviewPolicy(ctx),
  }),
  defineRoute({
    method: 'PUT', url: '/api/cases/review-policy', permission: 'case.settings', action: 'case.policy.update',
    summary: 'Change the review policy; send the version you saw (0 while the defaults apply)', tags,
    body: updateReviewPolicyBody, response: reviewPolicyView,
    example: { version: 0, highMonths: 1, mediumMonths: 3, lowMonths: 6, noneMonths: 6, assessmentDueDays: 14, referralAnswerDays: 14, followUpDays: 90 },
    handler: async ({ body }, ctx) => updateReviewPolicy(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/cases/:caseId', permission: 'case.read', action: 'case.read',
    summary: 'A family case with its status history and the lifecycle actions allowed now', tags,
    params, response: caseDetail, record,
    handler: async ({ params }, ctx) => getCase(ctx, params.caseId),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/cases/:caseId', permission: 'case.update', action: 'case.update',
    summary: 'Change the referral details or risk level; send the version you saw', tags,
    params, body: updateCaseBody, response: caseView, record, example: { version: 1, riskLevel: 'high' },
    handler: async ({ params, body }, ctx) => updateCase(ctx, params.caseId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/transitions', permission: 'case.update', action: 'case.transition',
    summary: 'Move the case through its lifecycle (409 illegal_transition when the state machine refuses)', tags,
    params, body: transitionBody, response: caseDetail, record, example: { event: 'start_screening', version: 1 },
    handler: async ({ params, body }, ctx) => transitionCase(ctx, params.caseId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/assign', permission: 'case.assign', action: 'case.assign',
    summary: 'Assign or reassign the social worker (and team) of a case', tags,
    params, body: assignBody, response: caseView, record, example: { version: 1, assignedWorkerId: '00000000-0000-4000-8000-0000000000bb' },
    handler: async ({ params, body }, ctx) => assignCase(ctx, params.caseId, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/cases/:caseId/reviews', permission: 'case.read', action: 'case.reviews.read',
    summary: 'The risk reviews of a case, newest first', tags,
    params, response: z.array(reviewView), record,
    handler: async ({ params }, ctx) => getReviews(ctx, params.caseId),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/reviews', permission: 'case.update', action: 'case.review',
    summary: 'Record a review with the risk level found; the next review date follows from it', tags,
    params, body: reviewBody, response: caseView, record, status: 201,
    example: { version: 1, reviewedOn: '2026-02-01', riskLevel: 'medium', summary: 'Income stable, school attendance improved' },
    handler: async ({ params, body }, ctx) => reviewCase(ctx, params.caseId, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/cases/:caseId/approvals', permission: 'case.read', action: 'case.approvals.read',
    summary: 'Plan and closure approval requests of a case, newest first', tags,
    params, response: z.array(approvalView), record,
    handler: async ({ params }, ctx) => getApprovals(ctx, params.caseId),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/approvals', permission: 'case.update', action: 'case.approval.request',
    summary: "Ask a supervisor to approve the family development plan or the case's closure", tags,
    params, body: requestApprovalBody, response: approvalView, record, status: 201, example: { subjectType: 'plan', note: 'Plan agreed with the family' },
    handler: async ({ params, body }, ctx) => requestApproval(ctx, params.caseId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/approvals/:approvalId/decision', permission: 'case.approve', action: 'case.approval.decide',
    summary: 'Approve, or reject with a comment (which sends it back to the worker)', tags,
    params: z.object({ caseId: z.uuid(), approvalId: z.uuid() }), body: decisionBody, response: approvalDecisionResult, record,
    example: { decision: 'reject', version: 1, comment: 'Add a goal for school attendance' },
    handler: async ({ params, body }, ctx) => decideApproval(ctx, params.caseId, params.approvalId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/approvals/:approvalId/withdraw', permission: 'case.update', action: 'case.approval.withdraw',
    summary: 'Withdraw a request of mine still waiting for a decision', tags,
    params: z.object({ caseId: z.uuid(), approvalId: z.uuid() }), body: withdrawBody, response: approvalView, record, example: { version: 1 },
    handler: async ({ params, body }, ctx) => withdrawApproval(ctx, params.caseId, params.approvalId, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/cases/:caseId/visits', permission: 'case.read', action: 'case.visits.read',
    summary: 'Home visits of a case, newest first', tags,
    params, response: z.array(visitView), record,
    handler: async ({ params }, ctx) => getVisits(ctx, params.caseId),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/visits', permission: 'case.update', action: 'case.visit.create',
    summary: 'Record a home visit', tags,
    params, body: createVisitBody, response: visitView, record, status: 201,
    example: { visitedOn: '2026-02-03', participants: 'Mother, two children, mahalla social worker', observations: 'Home warm and clean', nextSteps: 'Enrol the younger child in kindergarten' },
    handler: async ({ params, body }, ctx) => addVisit(ctx, params.caseId, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/cases/:caseId/visits/:visitId', permission: 'case.update', action: 'case.visit.update',
    summary: 'Correct a home visit; send the version you saw', tags,
    params: z.object({ caseId: z.uuid(), visitId: z.uuid() }), body: updateVisitBody, response: visitView, record,
    example: { version: 1, nextSteps: 'Call the polyclinic about the vaccination' },
    handler: async ({ params, body }, ctx) => changeVisit(ctx, params.caseId, params.visitId, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/cases/:caseId/notes', permission: 'case.read', action: 'case.notes.read',
    summary: 'Case notes (notes, phone calls, meetings), newest first; not for partners, without text for monitoring', tags,
    params, response: z.array(noteView), record,
    handler: async ({ params }, ctx) => getNotes(ctx, params.caseId),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/notes', permission: 'case.update', action: 'case.note.create',
    summary: 'Add a case note', tags,
    params, body: createNoteBody, response: noteView, record, status: 201,
    example: { kind: 'phone_call', occurredOn: '2026-02-04', body: 'Mother called: the job interview went well' },
    handler: async ({ params, body }, ctx) => addNote(ctx, params.caseId, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/cases/:caseId/notes/:noteId', permission: 'case.update', action: 'case.note.update',
    summary: 'Correct a case note; send the version you saw', tags,
    params: z.object({ caseId: z.uuid(), noteId: z.uuid() }), body: updateNoteBody, response: noteView, record,
    example: { version: 1, body: 'Mother called: she starts work on Monday' },
    handler: async ({ params, body }, ctx) => changeNote(ctx, params.caseId, params.noteId, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/cases/:caseId/attachments', permission: 'case.read', action: 'case.attachments.read',
    summary: 'Documents and photos of a case (not for partners; without names for monitoring)', tags,
    params, response: z.array(attachmentView), record,
    handler: async ({ params }, ctx) => getAttachments(ctx, params.caseId),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/attachments', permission: 'case.update', action: 'case.attachment.upload',
    summary: 'Attach a document or photo: multipart/form-data with one `file` (PDF, JPEG, PNG, WebP or DOCX, at most 10 MB) and optional `kind`, `description`', tags,
    params, response: attachmentView, record, status: 201, multipart: { maxFileBytes: ATTACHMENT_MAX_BYTES },
    handler: async ({ params }, ctx) => uploadAttachment(ctx, params.caseId),
  }),
  defineRoute({
    method: 'GET', url: '/api/cases/:caseId/attachments/:attachmentId/download', permission: 'case.read', action: 'case.attachment.download',
    summary: 'Download an attachment (full view only; every download is audited)', tags,
    params: z.object({ caseId: z.uuid(), attachmentId: z.uuid() }), response: fileBytes, record,
    handler: async ({ params }, ctx) => downloadAttachment(ctx, params.caseId, params.attachmentId),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/attachments/:attachmentId/remove', permission: 'case.update', action: 'case.attachment.remove',
    summary: 'Remove an attachment uploaded by mistake, with a reason: the file is deleted, who removed it and why are kept', tags,
    params: z.object({ caseId: z.uuid(), attachmentId: z.uuid() }), body: removeAttachmentBody, response: z.object({ removed: z.literal(true) }), record,
    example: { reason: 'Uploaded to the wrong family' },
    handler: async ({ params, body }, ctx) => removeAttachment(ctx, params.caseId, params.attachmentId, body.reason),
  }),
];
