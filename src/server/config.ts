import path from 'node:path';

/** Settings from the environment, read once at start. */
export interface Config {
  /** A PostgreSQL server to use; without it Oila runs its embedded PostgreSQL. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where case attachments are stored, outside the web root: OILA_ATTACHMENTS_DIR, default <dataDir>/attachments. */
  attachmentsDir: string;
  host: string;
  port: number;
  /** Trust X-Forwarded-* from a reverse proxy (needed to see https behind one). */
  trustProxy: boolean;
  logLevel: string;
  demo: boolean;
  /** OILA_SECRET_KEY: the key that seals TOTP seeds; without it, <dataDir>/secret.key. */
  secretKey: string | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env['PORT']}`);
  return {
    databaseUrl: env['DATABASE_URL'] || undefined,
    dataDir: path.resolve(env['OILA_DATA_DIR'] ?? 'data'),
    attachmentsDir: path.resolve(env['OILA_ATTACHMENTS_DIR'] ?? path.join(env['OILA_DATA_DIR'] ?? 'data', 'attachments')),
    host: env['HOST'] ?? '127.0.0.1',
    port,
    trustProxy: env['OILA_TRUST_PROXY'] === 'true',
    logLevel: env['LOG_LEVEL'] ?? 'info',
    demo: false,
    secretKey: env['OILA_SECRET_KEY'] || undefined,
  };
}
