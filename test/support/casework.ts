import { expect } from 'vitest';
import { addDays, todayInUzbekistan } from '../../src/shared/cases/case-dates.ts';
import type { Db } from '../../src/server/db/database.ts';
import type { OrgFixture } from './fixtures.ts';
import type { TestClient } from './test-app.ts';

/**
 * Helpers of the casework tests (assessments, plans, services, referrals,
 * teams, reports): families and cases made through the API, as a worker
 * would, so every rule on the way applies.
 */

export const today = todayInUzbekistan();
export const ago = (days: number) => addDays(today, -days);

/** Every factor of the Child Status Index, version 1. */
export const CSI_FACTORS = [
  'food_security', 'nutrition_growth', 'shelter', 'care', 'abuse_exploitation', 'legal_protection',
  'wellness', 'health_care_services', 'emotional_health', 'social_behaviour', 'performance', 'education_work',
] as const;
export const HSR_FACTORS = ['income', 'employment', 'housing', 'food_security', 'health_access', 'schooling', 'social_network', 'parenting'] as const;

export const csiAnswers = (score: number, overrides: Record<string, number> = {}) => ({ ...Object.fromEntries(CSI_FACTORS.map((f) => [f, score])), ...overrides });
export const hsrAnswers = (score: number, overrides: Record<string, number> = {}) => ({ ...Object.fromEntries(HSR_FACTORS.map((f) => [f, score])), ...overrides });

export interface Family {
  householdId: string;
  /** Mother first, then the children in the order given. */
  motherId: string;
  childIds: string[];
}

/** A mother and children (born on the given dates) registered as a household of branch A, optionally in team A. */
export async function newFamily(client: TestClient, org: OrgFixture, opts: { name?: string; children?: { birthDate: string; sex?: 'female' | 'male' }[]; team?: boolean } = {}): Promise<Family> {
  const children = opts.children ?? [{ birthDate: '2015-04-01', sex: 'female' }];
  // Names of their own, so duplicate detection sees different people.
  const tag = () => Array.from({ length: 6 }, () => 'bdfgklmnprstvxz'[Math.floor(Math.random() * 15)]! + 'aeiou'[Math.floor(Math.random() * 5)]!).join('');
  const family = tag();
  const res = await client.post('/api/households', {
    displayName: opts.name ?? `Oila ${family}`, branchId: org.branchA, ...(opts.team ? { teamId: org.teamA } : {}),
    members: [
      { relationship: 'mother', isPrimaryCaregiver: true, person: { givenName: `Ona${tag()}`, familyName: `${family}ova`, sex: 'female', birthDate: `19${70 + Math.floor(Math.random() * 20)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}` } },
      ...children.map((c) => ({ relationship: 'child', person: { givenName: `Bola${tag()}`, familyName: `${family}ov`, sex: c.sex ?? 'male', birthDate: c.birthDate } })),
    ],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const members = res.body.members as { relationship: string; person: { id: string; birthDate: string } }[];
  const mother = members.find((m) => m.relationship === 'mother')!;
  const kids = children.map((c) => members.find((m) => m.relationship === 'child' && m.person.birthDate === c.birthDate)!.person.id);
  return { householdId: res.body.household.id, motherId: mother.person.id, childIds: kids };
}

export async function walk(client: TestClient, caseId: string, steps: [string, Record<string, unknown>?][]): Promise<void> {
  for (const [event, extra] of steps) {
    const { version } = (await client.get(`/api/cases/${caseId}`)).body.case;
    const res = await client.post(`/api/cases/${caseId}/transitions`, { event, version, ...(extra ?? {}) });
    expect(res.status, `${event}: ${JSON.stringify(res.body)}`).toBe(200);
  }
}

/** A case for the family, walked to `until` (enrolled 60 days ago, assessed 50 days ago). */
export async function openCase(client: TestClient, family: Family, until: 'referred' | 'enrolled' | 'assessed' = 'assessed'): Promise<string> {
  const res = await client.post('/api/cases', { householdId: family.householdId, referralSource: 'mahalla_team', referralDate: ago(70) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.case.id as string;
  if (until === 'referred') return id;
  await walk(client, id, [['start_screening', { on: ago(65) }], ['enrol', { on: ago(60) }]]);
  if (until === 'assessed') {
    await recordHouseholdAssessment(client, id, ago(52));
    await walk(client, id, [['complete_assessment', { on: ago(50) }]]);
  }
  return id;
}

/**
 * A household self-reliance assessment of the case's current episode, all
 * factors scored `score`: what a case needs before `complete_assessment`.
 */
export async function recordHouseholdAssessment(client: TestClient, caseId: string, assessedOn = today, score = 2): Promise<string> {
  const res = await client.post(`/api/cases/${caseId}/assessments`, { instrumentId: await csiInstrumentId(client, 'household_self_reliance'), assessedOn, answers: hsrAnswers(score) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

export async function csiInstrumentId(client: TestClient, code = 'child_status_index'): Promise<string> {
  const res = await client.get(`/api/assessment-instruments?code=${code}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items[0].id;
}

/** A partner organisation in the directory. */
export async function newPartner(client: TestClient, name = 'Polyclinic No. 12', kind = 'polyclinic'): Promise<string> {
  const res = await client.post('/api/partner-organisations', { kind, name });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

export async function auditsOf(db: Db, organisationId: string, action: string) {
  return db.selectFrom('audit_event').selectAll().where('organisation_id', '=', organisationId).where('action', '=', action).orderBy('seq').execute();
}

/** A file download as the web app makes it: the bytes, and the headers that name the file. */
export async function download(client: TestClient, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const csrf = client.cookies.get('oila_csrf');
  const res = await fetch(client.baseUrl + path, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
      'x-forwarded-for': client.address,
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The text of a PDF, by poppler's pdftotext (pdfkit compresses its streams); null when pdftotext is not installed. */
export async function pdfText(pdf: Buffer): Promise<string | null> {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const dir = mkdtempSync(path.join(tmpdir(), 'oila-pdf-'));
  try {
    writeFileSync(path.join(dir, 'f.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'f.pdf'), '-'], { encoding: 'utf8' });
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
