import type { FieldError } from '../../../shared/errors.ts';
import { AppError, notFoundOrNoAccess } from '../../platform/errors/app-error.ts';
import type { HandlerContext } from '../../platform/http/context.ts';
import { declaredMatches, readStoredFile, removeStoredFile, safeFileName, sniffType, storeFile } from './attachment-store.ts';
import { assertCaseContent, attachmentViewFor } from './case.policy.ts';
import { findAttachment, insertAttachment, listAttachments, markAttachmentRemoved } from './case.repository.ts';
import { ATTACHMENT_MAX_BYTES, attachmentFields } from './case.schema.ts';
import { requireCase } from './case.service.ts';

/**
 * Documents and photos of a case. Uploaded as multipart/form-data (one file
 * and the fields of `CaseAttachmentFields`), checked by their bytes, stored
 * outside the web root; downloaded only through the access-checked route,
 * each download audited.
 */

const tooLarge = () =>
  new AppError('payload_too_large', 'The file is larger than 10 MB.', { fields: [{ path: ['file'], code: 'too_big', params: { maximum: ATTACHMENT_MAX_BYTES } }] });
const notAllowed = () =>
  new AppError('unsupported_media_type', 'Only PDF, JPEG, PNG, WebP and Word (.docx) files can be attached.', { fields: [{ path: ['file'], code: 'invalid_format' }] });
const invalid = (fields: FieldError[]) => new AppError('validation_failed', 'Some fields are not valid.', { fields });

interface Upload {
  fileName: string;
  declaredType: string;
  bytes: Buffer;
}

/** Reads the parts of the request: exactly one file, and text fields. Multipart errors become the API's own codes. */
async function readParts(ctx: HandlerContext): Promise<{ upload: Upload | null; fields: Record<string, string> }> {
  const fields: Record<string, string> = {};
  let upload: Upload | null = null;
  try {
    for await (const part of ctx.request.parts()) {
      if (part.type === 'file') {
        const file = part;
        if (upload || file.fieldname !== 'file') {
          await file.toBuffer().catch(() => undefined);
          throw invalid([{ path: [file.fieldname], code: 'unknown_field' }]);
        }
        upload = { fileName: file.filename, declaredType: file.mimetype, bytes: await file.toBuffer() };
      } else {
        fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PROTO_VIOLATION') {
      throw invalid([{ path: ['file'], code: 'invalid' }]);
    }
    throw error;
  }
  return { upload, fields };
}

export async function uploadAttachment(ctx: HandlerContext, caseId: string) {
  // The case first: out of scope answers 404 before anything is read.
  const c = await requireCase(ctx, caseId);
  assertCaseContent(ctx.actor, 'attachment_file');
  if (!ctx.request.isMultipart()) throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data.');
  const { upload, fields } = await readParts(ctx);
  const parsed = attachmentFields.safeParse(fields);
  if (!parsed.success) {
    throw invalid(parsed.error.issues.map((i) => ({
      path: i.code === 'unrecognized_keys' ? [i.keys[0] ?? ''] : i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      code: i.code === 'unrecognized_keys' ? 'unknown_field' : i.code === 'too_big' ? 'too_long' : 'invalid_value',
    })));
  }
  if (!upload || upload.bytes.length === 0) throw invalid([{ path: ['file'], code: 'required' }]);
  if (upload.bytes.length > ATTACHMENT_MAX_BYTES) throw tooLarge();
  const type = sniffType(upload.bytes);
  if (!type || !declaredMatches(type, upload.declaredType, upload.fileName)) throw notAllowed();

  const stored = await storeFile(c.organisation_id, upload.bytes);
  let id: string;
  try {
    id = await insertAttachment(ctx.db, {
      organisation_id: c.organisation_id, case_id: caseId, kind: parsed.data.kind ?? (type.startsWith('image/') ? 'photo' : 'document'),
      file_name: safeFileName(upload.fileName, type), content_type: type, size_bytes: upload.bytes.length, sha256: stored.sha256,
      storage_key: stored.storageKey, description: parsed.data.description, uploaded_by: ctx.actor.userId,
      removed_at: null, removed_by: null, removal_reason: null,
    });
    await ctx.audit({ action: 'case.attachment.upload', recordType: 'family_case', recordId: caseId, details: { attachmentId: id, contentType: type, sizeBytes: upload.bytes.length, sha256: stored.sha256 } });
  } catch (error) {
    await removeStoredFile(stored.storageKey);
    throw error;
  }
  return attachmentViewFor(ctx.actor, (await findAttachment(ctx.db, ctx.actor, caseId, id))!);
}

export async function getAttachments(ctx: HandlerContext, caseId: string) {
  await requireCase(ctx, caseId);
  assertCaseContent(ctx.actor, 'attachments');
  const rows = await listAttachments(ctx.db, ctx.actor, caseId);
  await ctx.audit({ action: 'case.attachments.read', recordType: 'family_case', recordId: caseId, details: { attachments: rows.length } });
  return rows.map((r) => attachmentViewFor(ctx.actor, r));
}

/** RFC 6266 / 5987: an ASCII fallback and the exact UTF-8 name. */
function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function downloadAttachment(ctx: HandlerContext, caseId: string, attachmentId: string): Promise<Buffer> {
  await requireCase(ctx, caseId);
  assertCaseContent(ctx.actor, 'attachment_file');
  const row = await findAttachment(ctx.db, ctx.actor, caseId, attachmentId);
  if (!row) throw notFoundOrNoAccess();
  const bytes = await readStoredFile(row.storage_key, row.sha256).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFoundOrNoAccess();
    throw error;
  });
  await ctx.audit({ action: 'case.attachment.download', recordType: 'family_case', recordId: caseId, details: { attachmentId, sha256: row.sha256 } });
  ctx.reply
    .header('content-type', row.content_type)
    .header('content-disposition', contentDisposition(row.file_name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox");
  return bytes;
}

/**
 * Removes an attachment uploaded by mistake, with a reason: the row is kept
 * (who, when, why) and the file deleted once the removal is recorded. If the
 * transaction failed after that, the file would be gone with the row still
 * listed; its download then answers 404, never the wrong bytes.
 */
export async function removeAttachment(ctx: HandlerContext, caseId: string, attachmentId: string, reason: string): Promise<{ removed: true }> {
  await requireCase(ctx, caseId);
  assertCaseContent(ctx.actor, 'attachment_file');
  const row = await findAttachment(ctx.db, ctx.actor, caseId, attachmentId);
  if (!row || !(await markAttachmentRemoved(ctx.db, ctx.actor, caseId, attachmentId, reason))) throw notFoundOrNoAccess();
  await ctx.audit({ action: 'case.attachment.remove', recordType: 'family_case', recordId: caseId, details: { attachmentId, sha256: row.sha256 } });
  await removeStoredFile(row.storage_key);
  return { removed: true };
}
