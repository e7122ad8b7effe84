import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readConfig } from '../../config.ts';

/**
 * Case attachments on disk: outside the web root, under
 * `<attachment root>/<organisation id>/<uuid>`, named by the server (never by
 * the client), with their sha256 kept in the database and checked on read.
 * The root is `OILA_ATTACHMENTS_DIR`, by default `<OILA_DATA_DIR>/attachments`
 * — also when the database is a server (DATABASE_URL).
 */

export const ALLOWED_TYPES = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
} as const;
export type AllowedType = keyof typeof ALLOWED_TYPES;

const startsWith = (buf: Buffer, bytes: readonly number[], at = 0) => bytes.every((b, i) => buf[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The type of a file by its first bytes (its "magic"), not by what the client
 * declared: PDF, JPEG, PNG, WebP, or a Word document (a ZIP holding
 * `[Content_Types].xml` and a `word/` part, without macros). Null for
 * anything else.
 */
export function sniffType(buf: Buffer): AllowedType | null {
  if (startsWith(buf, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    const names = buf.toString('latin1');
    if (names.includes('[Content_Types].xml') && names.includes('word/') && !names.includes('vbaProject.bin')) {
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    }
  }
  return null;
}

/**
 * Whether what the client declared agrees with the bytes: the declared type
 * is the sniffed one (or the generic octet-stream), and the file name's
 * extension, if any, is one of the type's.
 */
export function declaredMatches(sniffed: AllowedType, declaredType: string, fileName: string): boolean {
  const declared = declaredType.split(';')[0]!.trim().toLowerCase();
  if (declared !== sniffed && declared !== 'application/octet-stream') return false;
  const ext = path.extname(fileName).slice(1).toLowerCase();
  return ext === '' || (ALLOWED_TYPES[sniffed] as readonly string[]).includes(ext);
}

/** A file name safe to store and to send back in Content-Disposition: no path, no control characters, at most 200 characters. */
export function safeFileName(name: string, type: AllowedType): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-200);
  return clean && clean !== '.' && clean !== '..' ? clean : `attachment.${ALLOWED_TYPES[type][0]}`;
}

let configuredRoot: string | undefined;

/** Sets the attachment root (tests; a server started with a Config). */
export function setAttachmentRoot(dir: string): void {
  configuredRoot = path.resolve(dir);
}

export function attachmentRoot(): string {
  return configuredRoot ?? readConfig().attachmentsDir;
}

const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

function pathOf(storageKey: string): string {
  if (!KEY.test(storageKey)) throw new Error('invalid attachment storage key');
  return path.join(attachmentRoot(), ...storageKey.split('/'));
}

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Writes the bytes under a new name (atomically: a temporary file, then a rename) and returns where and their hash. */
export async function storeFile(organisationId: string, bytes: Buffer): Promise<{ storageKey: string; sha256: string }> {
  const storageKey = `${organisationId}/${randomUUID()}`;
  const target = pathOf(storageKey);
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const temp = `${target}.part`;
  await writeFile(temp, bytes, { mode: 0o600, flag: 'wx' });
  await rename(temp, target);
  return { storageKey, sha256: sha256Of(bytes) };
}

export async function removeStoredFile(storageKey: string): Promise<void> {
  await rm(pathOf(storageKey), { force: true });
}

/** Reads a stored file and checks it is still what was uploaded. */
export async function readStoredFile(storageKey: string, sha256: string): Promise<Buffer> {
  const bytes = await readFile(pathOf(storageKey));
  if (sha256Of(bytes) !== sha256) throw new Error(`attachment ${storageKey} does not match its sha256`);
  return bytes;
}
