import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import { clientFor, makeOrganisation, type OrgFixture } from '../../../../test/support/fixtures.ts';
import { setAttachmentRoot } from './attachment-store.ts';

let t: TestApp;
let org: OrgFixture;
let worker: TestClient;
let caseId: string;
let root: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake image data')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF fake')]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x20, 0, 0, 0]), Buffer.from('WEBPVP8 fake')]);
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml....word/document.xml....')]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

async function upload(
  client: TestClient, id: string, files: { name: string; type: string; bytes: Buffer; field?: string }[], fields: Record<string, string> = {}, opts: { csrf?: boolean } = {},
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append(f.field ?? 'file', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  const csrf = client.cookies.get('oila_csrf');
  const res = await fetch(`${client.baseUrl}/api/cases/${id}/attachments`, {
    method: 'POST',
    body: form,
    headers: {
      ...(csrf && opts.csrf !== false ? { 'x-csrf-token': csrf } : {}),
      'x-forwarded-for': client.address,
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function download(client: TestClient, id: string, attachmentId: string) {
  const res = await fetch(`${client.baseUrl}/api/cases/${id}/attachments/${attachmentId}/download`, {
    headers: { 'x-forwarded-for': client.address, cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const attachmentCount = async () =>
  Number((await t.db.selectFrom('case_attachment').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'oila-attachments-'));
  setAttachmentRoot(root);
  t = await startTestApp();
  org = await makeOrganisation(t.db);
  worker = await clientFor(t.baseUrl, t.db, org.users.social_worker);
  const household = await worker.post('/api/households', { displayName: 'Attachment family', branchId: org.branchA, teamId: org.teamA });
  const opened = await worker.post('/api/cases', { householdId: household.body.household.id, referralSource: 'polyclinic', referralDate: '2026-01-02' });
  caseId = opened.body.case.id;
});
afterAll(async () => {
  await t.close();
  rmSync(root, { recursive: true, force: true });
});

describe('case attachments', () => {
  it('stores each allowed type by its bytes, outside the web root, with its sha256', async () => {
    for (const [name, type, bytes, kind] of [
      ['Справка.pdf', 'application/pdf', PDF, 'document'],
      ['home.png', 'image/png', PNG, 'photo'],
      ['kitchen.jpg', 'image/jpeg', JPEG, 'photo'],
      ['yard.webp', 'image/webp', WEBP, 'photo'],
      ['plan.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', DOCX, 'document'],
    ] as const) {
      const res = await upload(worker, caseId, [{ name, type, bytes }], { description: `The ${name}` });
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(201);
      const sha = createHash('sha256').update(bytes).digest('hex');
      expect(res.body).toMatchObject({ fileName: name, contentType: type, sizeBytes: bytes.length, sha256: sha, kind, description: `The ${name}`, uploadedBy: org.users.social_worker.id });
      const stored = await t.db.selectFrom('case_attachment').select('storage_key').where('id', '=', res.body.id).executeTakeFirstOrThrow();
      expect(stored.storage_key).toMatch(new RegExp(`^${org.organisationId}/[0-9a-f-]{36}$`));
      expect(readFileSync(path.join(root, stored.storage_key)).equals(bytes)).toBe(true);
    }
    expect(await attachmentCount()).toBe(5);
    const listed = await worker.get(`/api/cases/${caseId}/attachments`);
    expect(listed.body).toHaveLength(5);
    expect(await t.db.selectFrom('audit_event').select('id').where('record_id', '=', caseId).where('action', '=', 'case.attachment.upload').execute()).toHaveLength(5);
  });

  it('refuses other types by their bytes, whatever the client declares, with a translated code', async () => {
    const before = await attachmentCount();
    for (const file of [
      { name: 'setup.pdf', type: 'application/pdf', bytes: EXE },
      { name: 'page.html', type: 'text/html', bytes: Buffer.from('<html><script>alert(1)</script></html>') },
      { name: 'photo.png', type: 'image/png', bytes: PDF },
      { name: 'scan.pdf', type: 'image/png', bytes: PNG },
      { name: 'scan.exe', type: 'image/png', bytes: PNG },
      { name: 'macro.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: Buffer.concat([DOCX, Buffer.from('word/vbaProject.bin')]) },
    ]) {
      const res = await upload(worker, caseId, [file]);
      expect(res.status, file.name).toBe(415);
      expect(res.body.error).toMatchObject({ code: 'unsupported_media_type', fields: [{ path: ['file'], code: 'invalid_format' }] });
    }
    expect(await attachmentCount()).toBe(before);
    const files = readdirCount(path.join(root, org.organisationId));
    expect(files).toBe(before);
  });

  it('refuses a file over 10 MB with 413 and takes one up to it (above the JSON body limit)', async () => {
    const before = await attachmentCount();
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1 - PDF.length, 0x20)]);
    const res = await upload(worker, caseId, [{ name: 'big.pdf', type: 'application/pdf', bytes: big }]);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'payload_too_large', fields: [{ path: ['file'], code: 'too_big', params: { maximum: 10485760 } }] });
    expect(await attachmentCount()).toBe(before);
    const fits = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 - PDF.length, 0x20)]);
    const ok = await upload(worker, caseId, [{ name: 'fits.pdf', type: 'application/pdf', bytes: fits }]);
    expect(ok.status).toBe(201);
    expect(ok.body.sizeBytes).toBe(10 * 1024 * 1024);
  });

  it('answers bad requests with field errors and stores nothing', async () => {
    const before = await attachmentCount();
    const none = await upload(worker, caseId, [], { description: 'no file' });
    expect(none.status).toBe(400);
    expect(none.body.error.fields).toEqual([{ path: ['file'], code: 'required' }]);
    const empty = await upload(worker, caseId, [{ name: 'empty.pdf', type: 'application/pdf', bytes: Buffer.alloc(0) }]);
    expect(empty.status).toBe(400);
    const two = await upload(worker, caseId, [{ name: 'a.pdf', type: 'application/pdf', bytes: PDF }, { name: 'b.pdf', type: 'application/pdf', bytes: PDF }]);
    expect(two.status).toBe(400);
    const wrongField = await upload(worker, caseId, [{ name: 'a.pdf', type: 'application/pdf', bytes: PDF, field: 'document' }]);
    expect(wrongField.status).toBe(400);
    const unknown = await upload(worker, caseId, [{ name: 'a.pdf', type: 'application/pdf', bytes: PDF }], { colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: ['colour'], code: 'unknown_field' }]);
    const badKind = await upload(worker, caseId, [{ name: 'a.pdf', type: 'application/pdf', bytes: PDF }], { kind: 'video' });
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.fields[0].path).toEqual(['kind']);
    const json = await worker.post(`/api/cases/${caseId}/attachments`, { file: 'JVBERi0=' });
    expect(json.status).toBe(415);
    const noCsrf = await upload(worker, caseId, [{ name: 'a.pdf', type: 'application/pdf', bytes: PDF }], {}, { csrf: false });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('csrf_failed');
    expect(await attachmentCount()).toBe(before);
  });

  it('keeps JSON the only body elsewhere', async () => {
    const form = new FormData();
    form.append('displayName', 'x');
    const csrf = worker.cookies.get('oila_csrf')!;
    const res = await fetch(`${worker.baseUrl}/api/households`, {
      method: 'POST', body: form, headers: { 'x-csrf-token': csrf, cookie: [...worker.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-forwarded-for': worker.address },
    });
    expect(res.status).toBe(415);
  });

  it('downloads only through the access-checked route, as an attachment, audited', async () => {
    const up = await upload(worker, caseId, [{ name: 'Ҳужжат №1.pdf', type: 'application/pdf', bytes: PDF }]);
    expect(up.status).toBe(201);
    const res = await download(worker, caseId, up.body.id);
    expect(res.status).toBe(200);
    expect(res.bytes.equals(PDF)).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="______ _1.pdf"; filename*=UTF-8''${encodeURIComponent('Ҳужжат №1.pdf')}`);
    const audited = await t.db.selectFrom('audit_event').selectAll().where('record_id', '=', caseId).where('action', '=', 'case.attachment.download').execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]!.details).toMatchObject({ attachmentId: up.body.id });

    // Out of scope: the same 404 as a missing file, and the refusal is audited.
    const workerB = await clientFor(t.baseUrl, t.db, org.workerB);
    const outside = await download(workerB, caseId, up.body.id);
    expect(outside.status).toBe(404);
    expect(JSON.parse(outside.bytes.toString()).error.code).toBe('not_found_or_no_access');
    expect((await upload(workerB, caseId, [{ name: 'a.pdf', type: 'application/pdf', bytes: PDF }])).status).toBe(404);
    const denied = await t.db.selectFrom('audit_event').select('id').where('record_id', '=', caseId).where('actor_user_id', '=', org.workerB.id).where('outcome', '=', 'denied').execute();
    expect(denied.length).toBeGreaterThanOrEqual(2);
    expect((await download(worker, caseId, '00000000-0000-4000-8000-000000000000')).status).toBe(404);

    // A partner sees neither the list nor the files; monitoring sees the list without names, not the files.
    const partner = await clientFor(t.baseUrl, t.db, org.users.partner);
    expect((await partner.get(`/api/cases/${caseId}/attachments`)).status).toBe(403);
    expect((await download(partner, caseId, up.body.id)).status).toBe(403);
    const me = await clientFor(t.baseUrl, t.db, org.users.me_officer);
    const meList = await me.get(`/api/cases/${caseId}/attachments`);
    expect(meList.status).toBe(200);
    expect(meList.body.every((a: Record<string, unknown>) => !('fileName' in a) && !('description' in a))).toBe(true);
    expect((await download(me, caseId, up.body.id)).status).toBe(403);
    // A care worker without this case in reach: 404.
    const care = await clientFor(t.baseUrl, t.db, org.users.care_worker);
    expect((await download(care, caseId, up.body.id)).status).toBe(404);
  });

  it('removes an attachment uploaded by mistake: the file is deleted, who, when and why are kept, audited', async () => {
    const up = await upload(worker, caseId, [{ name: 'wrong family.png', type: 'image/png', bytes: PNG }]);
    const row = await t.db.selectFrom('case_attachment').select('storage_key').where('id', '=', up.body.id).executeTakeFirstOrThrow();
    expect(existsSync(path.join(root, row.storage_key))).toBe(true);

    expect((await worker.post(`/api/cases/${caseId}/attachments/${up.body.id}/remove`, { reason: '  ' })).body.error.fields).toEqual([expect.objectContaining({ path: ['reason'] })]);
    const me = await clientFor(t.baseUrl, t.db, org.users.me_officer);
    expect((await me.post(`/api/cases/${caseId}/attachments/${up.body.id}/remove`, { reason: 'no' })).status).toBe(403);
    const workerB = await clientFor(t.baseUrl, t.db, org.workerB);
    expect((await workerB.post(`/api/cases/${caseId}/attachments/${up.body.id}/remove`, { reason: 'no' })).status).toBe(404);
    expect(existsSync(path.join(root, row.storage_key))).toBe(true);

    const removed = await worker.post(`/api/cases/${caseId}/attachments/${up.body.id}/remove`, { reason: 'Uploaded to the wrong family' });
    expect(removed.status).toBe(200);
    expect(existsSync(path.join(root, row.storage_key))).toBe(false);
    const kept = await t.db.selectFrom('case_attachment').select(['removed_at', 'removed_by', 'removal_reason']).where('id', '=', up.body.id).executeTakeFirstOrThrow();
    expect(kept).toEqual({ removed_at: expect.any(String), removed_by: org.users.social_worker.id, removal_reason: 'Uploaded to the wrong family' });
    const list = await worker.get(`/api/cases/${caseId}/attachments`);
    expect(list.body.map((a: { id: string }) => a.id)).not.toContain(up.body.id);
    expect((await download(worker, caseId, up.body.id)).status).toBe(404);
    expect((await worker.post(`/api/cases/${caseId}/attachments/${up.body.id}/remove`, { reason: 'again' })).status).toBe(404);
    const audited = await t.db.selectFrom('audit_event').select('details').where('record_id', '=', caseId).where('action', '=', 'case.attachment.remove').where('outcome', '=', 'ok').execute();
    expect(audited).toEqual([{ details: expect.objectContaining({ attachmentId: up.body.id }) }]);
  });

  it('is not reachable as a static file', async () => {
    const row = await t.db.selectFrom('case_attachment').select('storage_key').where('case_id', '=', caseId).where('removed_at', 'is', null).executeTakeFirstOrThrow();
    const res = await fetch(`${worker.baseUrl}/${row.storage_key}`);
    expect(res.status).toBe(404);
    expect(existsSync(path.join(root, row.storage_key))).toBe(true);
  });
});

function readdirCount(dir: string): number {
  return existsSync(dir) ? readdirSync(dir).filter((f) => !f.endsWith('.part')).length : 0;
}
