import { z } from 'zod';
import { defineRoute } from '../../platform/http/define-route.ts';
import {
  dismissPairBody, duplicateCheckBody, duplicateCheckResponse, duplicatePairView, listPairsQuery, pairPage, scanStatusResponse, startScanBody, startScanResponse,
} from './duplicate.schema.ts';
import { checkDuplicates, dismissPair, findPairs, scanStatus, startScan } from './duplicate.service.ts';
import { mergeBody, mergeResponse, undoMergeResponse } from './person-merge.schema.ts';
import { mergePeople, undoMerge } from './person-merge.service.ts';

const pairParams = z.object({ pairId: z.uuid() });
const mergeParams = z.object({ mergeId: z.uuid() });
const placeholder = '00000000-0000-4000-8000-0000000000a';

export const duplicateRoutes = [
  defineRoute({
    method: 'POST', url: '/api/people/duplicates/check', permission: 'person.create', action: 'person.duplicate_check',
    summary: 'Possible duplicates of the person being registered, as the caller may see them (score, band, reasons)', tags: ['duplicates'],
    body: duplicateCheckBody, response: duplicateCheckResponse,
    example: { givenName: 'Nilufarxon', familyName: 'Kamalova', sex: 'female', birthDate: '2014-03-08' },
    handler: async ({ body }, ctx) => checkDuplicates(ctx, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/duplicates/scans', permission: 'duplicate.review', action: 'duplicate.scan.start',
    summary: "Start a background scan of the organisation's registry for possible duplicates (answers the running one if any)", tags: ['duplicates'],
    body: startScanBody, response: startScanResponse, example: {},
    handler: async (_input, ctx) => startScan(ctx),
  }),
  defineRoute({
    method: 'GET', url: '/api/duplicates/scans/current', permission: 'duplicate.review', action: 'duplicate.scan.read',
    summary: 'Progress of the latest scan', tags: ['duplicates'],
    response: scanStatusResponse,
    handler: async (_input, ctx) => scanStatus(ctx),
  }),
  defineRoute({
    method: 'GET', url: '/api/duplicates/pairs', permission: 'duplicate.review', action: 'duplicate.pair.list',
    summary: 'The review queue: possible duplicate pairs whose two people are both in reach, best first', tags: ['duplicates'],
    query: listPairsQuery, response: pairPage,
    handler: async ({ query }, ctx) => findPairs(ctx, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/duplicates/pairs/:pairId/dismiss', permission: 'duplicate.review', action: 'duplicate.pair.dismiss',
    summary: 'Two records are different people: take the pair off the queue, with a reason', tags: ['duplicates'],
    params: pairParams, body: dismissPairBody, response: duplicatePairView, record: { param: 'pairId', kind: 'duplicate_pair' },
    example: { version: 1, reason: 'Twins: different birth certificates' },
    handler: async ({ params, body }, ctx) => dismissPair(ctx, params.pairId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/people/merge', permission: 'person.merge', action: 'person.merge',
    summary: 'Merge two records of one person in one transaction: values chosen per field, linked records moved, the other archived', tags: ['duplicates'],
    body: mergeBody, response: mergeResponse,
    example: { survivorId: `${placeholder}01`, mergedId: `${placeholder}02`, survivorVersion: 1, mergedVersion: 1, fields: { birthDate: 'merged' } },
    handler: async ({ body }, ctx) => mergePeople(ctx, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/people/merges/:mergeId/undo', permission: 'person.merge', action: 'person.merge.undo',
    summary: 'Undo a merge exactly (409 if either person changed since)', tags: ['duplicates'],
    params: mergeParams, body: z.strictObject({}), response: undoMergeResponse, record: { param: 'mergeId', kind: 'person_merge' }, example: {},
    handler: async ({ params }, ctx) => undoMerge(ctx, params.mergeId),
  }),
];
