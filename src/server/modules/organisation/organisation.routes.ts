import { z } from 'zod';
import { defineRoute } from '../../platform/http/define-route.ts';

const names = z.object({ en: z.string(), ru: z.string(), 'uz-Latn': z.string(), 'uz-Cyrl': z.string() });

export const organisationRoutes = [
  defineRoute({
    method: 'GET', url: '/api/organisation', permission: 'organisation.read', action: 'organisation.read',
    summary: "The caller's organisation: its branches and teams", tags: ['organisation'],
    response: z.object({
      organisation: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
      branches: z.array(z.object({ id: z.uuid(), code: z.string(), names, regionId: z.uuid().nullable() })),
      teams: z.array(z.object({ id: z.uuid(), branchId: z.uuid(), name: z.string(), mahallaId: z.uuid().nullable() })),
      workers: z.array(z.object({ id: z.uuid(), displayName: z.string(), branchIds: z.array(z.uuid()) })),
    }),
    handler: async (_input, ctx) => {
      const org = ctx.actor.organisationId;
      const organisation = await ctx.db.selectFrom('organisation').select(['id', 'name', 'slug']).where('id', '=', org).executeTakeFirstOrThrow();
      const branches = await ctx.db.selectFrom('branch').selectAll().where('organisation_id', '=', org).orderBy('code').execute();
      const teams = await ctx.db.selectFrom('team').selectAll().where('organisation_id', '=', org).orderBy('name').execute();
      // Case workers to assign records to: names of colleagues only, no contacts.
      const workers = await ctx.db
        .selectFrom('app_user')
        .innerJoin('role_assignment', 'role_assignment.user_id', 'app_user.id')
        .select(['app_user.id', 'app_user.display_name', 'role_assignment.branch_id'])
        .where('app_user.organisation_id', '=', org)
        .where('app_user.disabled_at', 'is', null)
        .where('role_assignment.role', 'in', ['social_worker', 'care_worker'])
        .orderBy('app_user.display_name')
        .execute();
      const byWorker = new Map<string, { id: string; displayName: string; branchIds: string[] }>();
      for (const w of workers) {
        const entry = byWorker.get(w.id) ?? { id: w.id, displayName: w.display_name, branchIds: [] };
        if (w.branch_id && !entry.branchIds.includes(w.branch_id)) entry.branchIds.push(w.branch_id);
        byWorker.set(w.id, entry);
      }
      return {
        organisation,
        branches: branches.map((b) => ({ id: b.id, code: b.code, regionId: b.region_id, names: { en: b.name_en, ru: b.name_ru, 'uz-Latn': b.name_uz_latn, 'uz-Cyrl': b.name_uz_cyrl } })),
        teams: teams.map((t) => ({ id: t.id, branchId: t.branch_id, name: t.name, mahallaId: t.mahalla_id })),
        workers: [...byWorker.values()],
      };
    },
  }),
];
