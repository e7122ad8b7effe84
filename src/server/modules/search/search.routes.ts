import { defineRoute } from '../../platform/http/define-route.ts';
import { globalSearchBody, globalSearchResponse } from './search.schema.ts';
import { globalSearch } from './search.service.ts';

export const searchRoutes = [
  defineRoute({
    method: 'POST', url: '/api/search', permission: 'person.read', action: 'search',
    summary: 'Search people and households by name in any script or spelling, reference or PINFL, as you type (POST: names stay out of URLs)',
    tags: ['search'],
    body: globalSearchBody, response: globalSearchResponse, example: { q: 'Nilu', limit: 10 },
    handler: async ({ body }, ctx) => globalSearch(ctx, body),
  }),
];
