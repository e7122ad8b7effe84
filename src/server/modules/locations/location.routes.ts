import { defineRoute } from '../../platform/http/define-route.ts';
import { parseLocations, importLocations } from './location-import.ts';
import { importLocationsBody, importSummary, listLocationsQuery, locationList } from './location.schema.ts';

export const locationRoutes = [
  defineRoute({
    method: 'GET', url: '/api/locations', permission: 'location.read', action: 'location.list',
    summary: 'Regions, districts and mahallas with names in four languages', tags: ['locations'],
    query: listLocationsQuery, response: locationList,
    handler: async ({ query }, ctx) => {
      let q = ctx.db.selectFrom('location').selectAll();
      if (query.kind) q = q.where('kind', '=', query.kind);
      if (query.parentId) q = q.where('parent_id', '=', query.parentId);
      const rows = await q.orderBy('name_uz_latn').limit(5000).execute();
      return {
        items: rows.map((r) => ({
          id: r.id, kind: r.kind, parentId: r.parent_id, code: r.code, isoCode: r.iso_code,
          names: { en: r.name_en, ru: r.name_ru, 'uz-Latn': r.name_uz_latn, 'uz-Cyrl': r.name_uz_cyrl },
        })),
      };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/locations/import', permission: 'location.manage', action: 'location.import',
    summary: 'Import a location list (Oila JSON, the regions/districts reference JSON, or CSV)', tags: ['locations'],
    body: importLocationsBody, response: importSummary,
    example: { format: 'csv', content: 'kind,code,parent_code,iso_code,name_en,name_ru,name_uz_latn,name_uz_cyrl\nregion,1718,,UZ-SA,Samarkand,Самарканд,Samarqand,Самарқанд' },
    handler: async ({ body }, ctx) => {
      const summary = await importLocations(ctx.db, parseLocations(body.format, body.content));
      await ctx.audit({ action: 'location.import', details: summary });
      return summary;
    },
  }),
];
