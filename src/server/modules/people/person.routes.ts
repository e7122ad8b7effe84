import { z } from 'zod';
import { detectScript, otherScriptSuggestion } from '../../../shared/names/index.ts';
import { defineRoute } from '../../platform/http/define-route.ts';
import {
  archiveBody, createPersonBody, personDetail, personPage, personView, searchPeopleBody, transliterateBody, transliterateResponse, updatePersonBody,
} from './person.schema.ts';
import { archivePerson, createPerson, findPeople, getPerson, updatePerson } from './person.service.ts';

const personParams = z.object({ personId: z.uuid() });
const record = { param: 'personId', kind: 'person' } as const;
const exampleChild = {
  givenName: 'Нилуфар', familyName: 'Камалова', sex: 'female', birthDate: '2014-03-08', branchId: '00000000-0000-4000-8000-000000000001',
} as const;

export const personRoutes = [
  defineRoute({
    method: 'POST', url: '/api/people/search', permission: 'person.read', action: 'person.search',
    summary: 'Find people by name in any script or spelling, reference or PINFL (POST: names stay out of URLs)', tags: ['people'],
    body: searchPeopleBody, response: personPage,
    example: { q: 'Nilufar', page: 1, pageSize: 25 },
    handler: async ({ body }, ctx) => findPeople(ctx, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/people', permission: 'person.create', action: 'person.create',
    summary: 'Register a person', tags: ['people'],
    body: createPersonBody, response: personView, status: 201, example: exampleChild,
    handler: async ({ body }, ctx) => createPerson(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/people/:personId', permission: 'person.read', action: 'person.read',
    summary: 'A person with their households and consents, as the caller may see them', tags: ['people'],
    params: personParams, response: personDetail, record,
    handler: async ({ params }, ctx) => getPerson(ctx, params.personId),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/people/:personId', permission: 'person.update', action: 'person.update',
    summary: 'Change a person; send the version you saw (409 with the current record if it changed)', tags: ['people'],
    params: personParams, body: updatePersonBody, response: personView, record,
    example: { version: 1, phone: '+998 90 123 45 67' },
    handler: async ({ params, body }, ctx) => updatePerson(ctx, params.personId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/people/:personId/archive', permission: 'person.archive', action: 'person.archive',
    summary: 'Archive a person (nothing is deleted)', tags: ['people'],
    params: personParams, body: archiveBody, response: personView, record,
    example: { version: 1, reason: 'Registered twice' },
    handler: async ({ params, body }, ctx) => archivePerson(ctx, params.personId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/people/transliterate', permission: 'person.read', action: 'person.transliterate',
    summary: 'Suggest the other-script form of a name (Uzbek Cyrillic ⇄ Latin)', tags: ['people'],
    body: transliterateBody, response: transliterateResponse, example: { text: 'Ғайрат' },
    handler: async ({ body }) => ({ script: detectScript(body.text), suggestion: otherScriptSuggestion(body.text)?.text ?? body.text }),
  }),
];
