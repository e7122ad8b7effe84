import type { z } from 'zod';
import type { Permission } from '../../../shared/permissions.ts';
import type { Actor, HandlerContext } from './context.ts';

type AnyObject = z.ZodObject<z.ZodRawShape>;
type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The kinds of record a route can be about; the access-matrix test builds one of each per scope. */
export type RecordKind = 'person' | 'household' | 'user' | 'family_case' | 'duplicate_pair' | 'person_merge';

/**
 * One route as data: method, path, schemas, permission and handler in one
 * object. The OpenAPI document and the access-matrix test are generated from
 * these objects, so neither can drift from the code.
 */
export interface RouteDef<
  P extends AnyObject | undefined = AnyObject | undefined,
  Q extends AnyObject | undefined = AnyObject | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
  Perm extends Permission | 'public' = Permission | 'public',
> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** The permission the caller needs, or 'public' for the few open routes. */
  permission: Perm;
  summary: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** 200 unless said otherwise. */
  status?: 200 | 201;
  /** A valid request body: shown in the API docs and sent by the access-matrix test. */
  example?: B extends z.ZodType ? z.input<B> : never;
  /** Which path parameter names which kind of record, for the access-matrix test. */
  record?: { param: string; kind: RecordKind };
  /**
   * Takes one file as multipart/form-data instead of a JSON body; the handler
   * reads the parts from `ctx.request`. Such a route is registered in its own
   * plugin scope, so everywhere else JSON stays the only body accepted.
   */
  multipart?: { maxFileBytes: number };
  /** How the audit log names this action when the route refuses the caller. */
  action: string;
  handler: (
    input: { params: Infer<P>; query: Infer<Q>; body: Infer<B> },
    ctx: HandlerContext<Perm extends 'public' ? Actor | null : Actor>,
  ) => Promise<z.input<R>>;
}

/** Declares a route with its types inferred from its schemas. */
export function defineRoute<
  P extends AnyObject | undefined = undefined,
  Q extends AnyObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType = z.ZodType,
  Perm extends Permission | 'public' = Permission | 'public',
>(def: RouteDef<P, Q, B, R, Perm>): RouteDef {
  return def;
}
