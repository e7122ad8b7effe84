import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Db } from './db/database.ts';
import { negotiateLocale, isLocale } from '../shared/i18n/locales.ts';
import type { Permission } from '../shared/permissions.ts';
import { AppError } from './platform/errors/app-error.ts';
import { handleError } from './platform/errors/error-handler.ts';
import { auditDenial, registerRoutes } from './platform/http/register-routes.ts';
import type { SecretBox } from './platform/crypto/secret-box.ts';
import type { RouteDef } from './platform/http/define-route.ts';
import { csrfCookieName, isSecureRequest, lookupSession, readSessionToken } from './platform/auth/session.ts';
import { randomToken, safeEqual } from './platform/auth/tokens.ts';
import { allRoutes } from './routes.ts';
import { allJobs } from './jobs.ts';
import { JobRunner, type Job } from './platform/jobs/job-runner.ts';

export interface AppOptions {
  db: Db;
  /** Seals the TOTP seeds; its key lives outside the database (see loadSecretKey). */
  secrets: SecretBox;
  logLevel?: string;
  trustProxy?: boolean;
  /** Folder of the built web app; not served when missing (API-only tests). */
  webRoot?: string;
  /** Extra routes, for tests only. */
  extraRoutes?: readonly RouteDef[];
  /** Where log lines go (standard output by default); tests read them. */
  logStream?: { write(line: string): void };
  /**
   * Run background jobs (the duplicate scan) while the app is up: started when
   * the app is ready, stopped when it closes. Off unless asked for, so tests
   * run jobs only when they enable them; `jobs` replaces the default list.
   */
  backgroundJobs?: boolean | { idleMs?: number; jobs?: Job[] };
}

/** One log line per request, with its path but never its query string, and no personal data. */
class RequestLog extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(_error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    request.log.info({ method: request.method, path: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Plugin routes that are public by nature: the API docs page and its assets. */
const PUBLIC_PLUGIN_PREFIX = '/api/docs';

/** Adds each operation's permission to the OpenAPI document as `x-permission`. */
function withPermissions(spec: Record<string, unknown>, routes: readonly RouteDef[]): Record<string, unknown> {
  const paths = (spec['paths'] ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
  for (const def of routes) {
    const p = def.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const op = paths[p]?.[def.method.toLowerCase()];
    if (!op) continue;
    op['x-permission'] = def.permission;
    const json = (op['requestBody'] as { content?: Record<string, Record<string, unknown>> } | undefined)?.content?.['application/json'];
    if (json && def.example !== undefined) json['example'] = def.example;
  }
  return spec;
}

/** Builds the Oila web server: API, API docs, and the staff app. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db } = options;
  const routes = [...allRoutes, ...(options.extraRoutes ?? [])];
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Log the path only: query strings may carry what a user typed.
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    genReqId: () => randomUUID(),
    logController: new RequestLog(),
    requestIdHeader: false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1_048_576,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // JSON only: a form or text body is refused (415), which also shuts the classic CSRF doors.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'en');

  // Deny by default: a route that does not declare its permission is refused at start-up.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith(PUBLIC_PLUGIN_PREFIX) || route.url === '/*' || route.url === '/assets/*') return;
    if (!route.config?.permission) throw new Error(`route ${String(route.method)} ${route.url} declares no permission`);
  });

  // A cheap phone on a slow network: compress everything worth it (the app's first load shrinks about threefold).
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 });
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only means something over https; helmet would send it on http too.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (isSecureRequest(request)) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.url.startsWith('/api/') || request.actor) reply.header('cache-control', 'no-store');
    return payload;
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Oila API', version: '1', description: 'Every operation states the permission it needs in `x-permission`.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'oila_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    // Named schemas (`.meta({ id })`) become components, so their $refs resolve.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: PUBLIC_PLUGIN_PREFIX,
    staticCSP: true,
    uiConfig: { showExtensions: true, docExpansion: 'list' },
    transformSpecification: (spec) => withPermissions(structuredClone(spec) as Record<string, unknown>, routes),
  });

  app.addHook('onRequest', async (request, reply) => {
    const langCookie = request.cookies['oila_lang'];
    request.locale = isLocale(langCookie) ? langCookie : negotiateLocale(request.headers['accept-language']);

    // CSRF: a double-submit token. The cookie is readable by our own script
    // only (SameSite=Strict); a state-changing request must echo it in a header.
    const secure = isSecureRequest(request);
    const csrfName = csrfCookieName(secure);
    let csrf = request.cookies[csrfName];
    if (!csrf) {
      csrf = randomToken(24);
      reply.setCookie(csrfName, csrf, { path: '/', sameSite: 'strict', secure, httpOnly: false });
    }

    const permission = request.routeOptions.config?.permission as Permission | 'public' | undefined;
    if (permission === undefined) return; // plugin routes (docs, static files) and 404s

    const lookup = await lookupSession(db, readSessionToken(request));
    if (lookup.state === 'active') {
      request.actor = lookup.actor;
      request.locale = lookup.actor.locale;
    }
    const action = request.routeOptions.config.action ?? 'request';

    if (UNSAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      const ok = typeof header === 'string' && request.cookies[csrfName] !== undefined && safeEqual(header, request.cookies[csrfName]);
      if (!ok) {
        if (request.actor) await auditDenial(db, request, action, 'csrf_failed');
        throw new AppError('csrf_failed', 'The request did not carry a valid CSRF token; reload the page.');
      }
    }
    if (permission === 'public') return;
    if (!request.actor) {
      throw lookup.state === 'expired'
        ? new AppError('session_expired', 'Your session has ended; sign in again.')
        : new AppError('unauthenticated', 'Sign in first.');
    }
    if (!request.actor.permissions.has(permission)) {
      const record = request.routeOptions.config.record;
      const params = (request.params ?? {}) as Record<string, string>;
      await auditDenial(db, request, action, 'forbidden', record?.kind, record ? params[record.param] : undefined);
      throw new AppError('forbidden', 'Your role does not allow this.');
    }
  });

  registerRoutes(app, db, options.secrets, routes);

  if (options.backgroundJobs) {
    const settings = options.backgroundJobs === true ? {} : options.backgroundJobs;
    const runner = new JobRunner(settings.jobs ?? allJobs(db), {
      ...(settings.idleMs !== undefined ? { idleMs: settings.idleMs } : {}),
      log: (message, error) => app.log.error({ err: error instanceof Error ? { name: error.name, message: error.message } : undefined }, message),
    });
    app.addHook('onReady', async () => runner.start());
    // Before the database closes: the batch under way finishes or rolls back.
    app.addHook('onClose', async () => runner.stop());
  }
  app.get('/api/openapi.json', { config: { permission: 'public', action: 'openapi.read' }, schema: { hide: true } }, async () =>
    withPermissions(structuredClone(app.swagger()) as Record<string, unknown>, routes),
  );

  const webRoot = options.webRoot;
  const hasWeb = webRoot !== undefined && existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: false, prefix: '/', cacheControl: false });
    app.get('/', { config: { permission: 'public', action: 'web.index' }, schema: { hide: true } }, (_request, reply) => {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    });
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.url.startsWith('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
      return payload;
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    // Any other page address is the single-page app's; a missing asset is a real 404.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/')) {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    return reply.status(404).send({ error: { code: 'not_found', message: 'No such address.', requestId: request.id } });
  });
  return app;
}
