import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Locale } from '../../../shared/i18n/locales.ts';
import type { FieldView, Permission, Programme, Role } from '../../../shared/permissions.ts';
import type { AuditEntry } from '../audit/audit.ts';
import type { SecretBox } from '../crypto/secret-box.ts';

/** A database or a transaction: repositories take either, so services compose them in one transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface RoleAssignment {
  role: Role;
  branchId: string | null;
  programme: Programme | null;
  teamId: string | null;
}

/** The signed-in user as every access decision sees them. */
export interface Actor {
  userId: string;
  organisationId: string;
  displayName: string;
  sessionId: string;
  locale: Locale;
  roles: Role[];
  assignments: RoleAssignment[];
  permissions: ReadonlySet<Permission>;
  fieldView: FieldView;
  totpEnabled: boolean;
}

/** What a route handler receives besides its validated input. */
export interface HandlerContext<A extends Actor | null = Actor> {
  /** The request's transaction: the change and its audit entries commit together. */
  db: Transaction<Database>;
  actor: A;
  requestId: string;
  locale: Locale;
  /**
   * The database outside the request's transaction, for the few writes that
   * must outlive a refusal: failed sign-ins and their audit events.
   */
  rootDb: Kysely<Database>;
  /** Seals and opens the secrets the server keeps (TOTP seeds) with the key outside the database. */
  secrets: SecretBox;
  /** Appends an audit event in this request's transaction. */
  audit(entry: AuditEntry): Promise<void>;
  /** Lets a handler set cookies or headers (sign-in, sign-out). */
  reply: FastifyReply;
  request: FastifyRequest;
}
