import { sql } from 'kysely';
import { z } from 'zod';
import { defineRoute } from '../http/define-route.ts';
import { migrationsComplete } from '../../db/migrate.ts';

const healthz = defineRoute({
  method: 'GET',
  url: '/healthz',
  permission: 'public',
  action: 'health.read',
  summary: 'The process is up',
  tags: ['health'],
  response: z.object({ status: z.literal('ok') }),
  handler: async () => ({ status: 'ok' as const }),
});

const readyz = defineRoute({
  method: 'GET',
  url: '/readyz',
  permission: 'public',
  action: 'health.read',
  summary: 'The database answers and every migration has run',
  tags: ['health'],
  response: z.object({ status: z.literal('ready'), database: z.literal('ok'), migrations: z.literal('complete') }),
  handler: async (_input, ctx) => {
    await sql`SELECT 1`.execute(ctx.db);
    if (!(await migrationsComplete(ctx.db))) throw new Error('migrations are not complete');
    return { status: 'ready' as const, database: 'ok' as const, migrations: 'complete' as const };
  },
});

export const healthRoutes = [healthz, readyz];
