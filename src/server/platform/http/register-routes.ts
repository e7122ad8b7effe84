import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_CODES, FIELD_ERROR_CODES } from '../../../shared/errors.ts';
import type { Locale } from '../../../shared/i18n/locales.ts';
import type { Db } from '../../db/database.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import { writeAudit, type AuditEntry } from '../audit/audit.ts';
import { AppError, isDenial } from '../errors/app-error.ts';
import type { Actor, HandlerContext } from './context.ts';
import type { RouteDef } from './define-route.ts';

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      requestId: z.string().optional(),
      fields: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), code: z.enum(FIELD_ERROR_CODES), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })).optional(),
      current: z.unknown().optional(),
      candidates: z.array(z.unknown()).optional(),
      retryAfterSeconds: z.number().optional(),
    }),
  })
  .meta({ id: 'Error' });

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares one; onRoute refuses a route without it. */
    permission?: string;
    action?: string;
    record?: RouteDef['record'];
    example?: unknown;
  }
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
  }
}

/** Runs a route's handler in one transaction with its audit entries; refusals are audited on their own. */
async function runHandler(db: Db, secrets: SecretBox, def: RouteDef, request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const actor = request.actor;
  const input = { params: request.params, query: request.query, body: request.body } as Parameters<RouteDef['handler']>[0];
  try {
    return await db.transaction().execute((trx) => {
      const ctx: HandlerContext<Actor | null> = {
        db: trx,
        rootDb: db,
        secrets,
        actor,
        requestId: request.id,
        locale: request.locale,
        reply,
        request,
        audit: (entry: AuditEntry) => writeAudit(trx, originOf(request), entry),
      };
      return def.handler(input, ctx);
    });
  } catch (error) {
    if (error instanceof AppError && isDenial(error.code)) {
      const recordId = def.record ? (request.params as Record<string, string>)[def.record.param] : undefined;
      await auditDenial(db, request, def.action, error.code, def.record?.kind, recordId);
    }
    throw error;
  }
}

export function originOf(request: FastifyRequest) {
  return { organisationId: request.actor?.organisationId ?? null, actorUserId: request.actor?.userId ?? null, requestId: request.id };
}

/** A refusal leaves an audit event in its own transaction: the refused change itself was rolled back. */
export async function auditDenial(db: Db, request: FastifyRequest, action: string, code: string, recordType?: string, recordId?: string): Promise<void> {
  const uuid = recordId && /^[0-9a-f-]{36}$/i.test(recordId) ? recordId : null;
  await writeAudit(db, originOf(request), { action, outcome: 'denied', recordType: recordType ?? null, recordId: uuid, details: { code } } as AuditEntry);
}

/** Registers route declarations on the app with their schemas, permission and the transactional handler. */
export function registerRoutes(app: FastifyInstance, db: Db, secrets: SecretBox, defs: readonly RouteDef[]): void {
  for (const def of defs) {
    const upload = def.multipart;
    if (!upload) {
      addRoute(app, db, secrets, def);
      continue;
    }
    // Multipart only for the route that asks, in its own scope: JSON stays the default everywhere else.
    void app.register(async (scope) => {
      await scope.register(multipart, { limits: { fileSize: upload.maxFileBytes, files: 1, fields: 10, fieldSize: 10_000, parts: 12 }, throwFileSizeLimit: true });
      addRoute(scope, db, secrets, def);
    });
  }
}

function addRoute(app: FastifyInstance, db: Db, secrets: SecretBox, def: RouteDef): void {
  app.withTypeProvider<ZodTypeProvider>().route({
    method: def.method,
    url: def.url,
    config: { permission: def.permission, action: def.action, record: def.record, example: def.example },
    schema: {
      summary: def.summary,
      tags: def.tags,
      ...(def.params ? { params: def.params } : {}),
      ...(def.query ? { querystring: def.query } : {}),
      ...(def.body ? { body: def.body } : {}),
      ...(def.multipart ? { consumes: ['multipart/form-data'] } : {}),
      response: { [def.status ?? 200]: def.response, '4xx': errorResponseSchema },
    },
    handler: async (request, reply) => {
      const result = await runHandler(db, secrets, def, request, reply);
      reply.status(def.status ?? 200);
      return result;
    },
  });
}
