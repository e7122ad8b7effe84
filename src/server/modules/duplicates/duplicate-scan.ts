/**
 * The background scan of an organisation's whole registry for possible
 * duplicates. Each step claims the oldest unfinished scan with FOR UPDATE
 * SKIP LOCKED and does one batch in its own transaction, committing the
 * cursor with the pairs it found: a scan stopped at any moment (app closed,
 * process killed) continues from its last committed batch, and finds the
 * same pairs as one run straight through.
 *
 * Phases: `indexing` re-keys people whose match keys are missing or older
 * than the row; `matching` walks blocks — the people sharing one exact
 * candidate key, and the members of one household — kind by kind in index
 * order (see STAGES), and compares the people of each block. A batch is a
 * range of the key index, read with its members in one query, so the cost
 * grows with the blocks, not with a look-up per person. A pair met in several
 * blocks is scored once: the first time, after which its row carries the
 * scan's id.
 *
 * Most pairs a block makes cannot be duplicates (a mother and her child share
 * a household; namesakes share a name key), and comparing names is the costly
 * part. So a pair is scored first with what is not known yet assumed at its
 * most favourable — households and caregivers agreeing, the name rare — which
 * gives an upper bound of its score, and dropped as soon as a bound falls
 * short of a band: on the fields alone; then, where the block's key is the
 * name, with how common the name is, or elsewhere with the names compared;
 * then with the real households and caregivers; then with the names compared,
 * caregivers still assumed to agree. Only what is left is scored in full.
 */
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../db/database.ts';
import type { Executor } from '../../platform/http/context.ts';
import type { Job } from '../../platform/jobs/job-runner.ts';
import { TimeSlicer } from '../../platform/jobs/time-slicer.ts';
import { cannotBeDuplicate, scoreDuplicate, type MatchRecord } from './duplicate-score.ts';
import {
  claimScan, countActivePeople, countScanUnits, countScanUnitsAfter, matchContexts, nameFrequencies, pairsToSkip, refreshStaleMatchKeys, scanHouseholdBlocks, scanKeyBlocks, updateScan, upsertPairs, withoutJit,
  type PairUpsert, type ScanBlocks, type ScanMember, type ScanPerson,
} from './duplicate.repository.ts';
import { coreNameKey, distinctNames, fullNamesOf } from './match-keys.ts';

export interface ScanStepOptions {
  /** Blocks compared per step (people re-keyed per step while indexing). */
  batchSize?: number;
  /** Only scans of this organisation (tests). */
  organisationId?: string;
}

export type ScanStepResult = { scanId: string; status: 'pending' | 'running' | 'done' | 'failed'; processed: number; total: number } | null;

/**
 * What the matching phase walks, in order. `all`: everyone holding one key
 * meets everyone else holding it. `probe`: the holders of a key of the kind
 * meet the holders of the same key of the `target` kind — a record without
 * a date of birth (nq:) meets every namesake (n:), an estimated date (ne:)
 * the namesakes born within a year of it (ny:) — so namesakes with two known
 * dates never meet by name alone. Then households.
 */
export const STAGES = [
  { name: 'id', kind: 'all', prefix: 'id:', namesAlike: false },
  { name: 'bc', kind: 'all', prefix: 'bc:', namesAlike: false },
  { name: 'nd', kind: 'all', prefix: 'nd:', namesAlike: true },
  { name: 'gd', kind: 'all', prefix: 'gd:', namesAlike: false },
  { name: 'fd', kind: 'all', prefix: 'fd:', namesAlike: false },
  { name: 'ne', kind: 'probe', prefix: 'ne:', target: 'ny:', namesAlike: true },
  { name: 'nq', kind: 'probe', prefix: 'nq:', target: 'n:', namesAlike: true },
  { name: 'household', kind: 'household', namesAlike: false },
] as const satisfies readonly ({ name: string; namesAlike: boolean } & ({ kind: 'all'; prefix: string } | { kind: 'probe'; prefix: string; target: string } | { kind: 'household' }))[];

type Stage = (typeof STAGES)[number];

/**
 * A block of more people than this compares only people of one district, or
 * of no known district. A name this common weighs little (its frequency lowers
 * it), and with the district against them two such namesakes reach a band only
 * if caregivers' names agree too; the pairs of a block of hundreds would cost
 * more than the rest of the scan. (Before, such blocks were left out whole.)
 */
export const BLOCK_CAP = 40;
/** One person meets at most this many others in a block; beyond, the key says nothing (a placeholder number, a data error). */
export const MAX_MEETINGS = 400;

const DEFAULT_BATCH = 2000;

/** Where the matching phase is: stored as the scan's cursor. */
interface ScanCursor {
  stage: Stage['name'];
  /** The last block done in the stage (a key, or a household id); null before its first. */
  after: string | null;
  /** Work done and to do, in key rows and households: the progress shown. */
  done: number;
  of: number;
}

function readCursor(text: string | null): ScanCursor | null {
  if (!text) return null;
  try {
    const c = JSON.parse(text) as Partial<ScanCursor>;
    if (!STAGES.some((s) => s.name === c.stage) || (c.after !== null && typeof c.after !== 'string') || typeof c.done !== 'number' || typeof c.of !== 'number') return null;
    return c as ScanCursor;
  } catch {
    return null;
  }
}

async function startCursor(db: Executor, organisationId: string): Promise<ScanCursor> {
  const prefixes = STAGES.flatMap((s) => ('prefix' in s ? [s.prefix] : []));
  return { stage: STAGES[0].name, after: null, done: 0, of: await countScanUnits(db, organisationId, prefixes) };
}

/**
 * Name frequencies change slowly and repeat from batch to batch (common names
 * are common everywhere): kept for a few minutes, per organisation.
 */
const FREQUENCY_TTL_MS = 10 * 60_000;
const frequencyCache = new Map<string, { n: number; at: number }>();

async function cachedFrequencies(db: Executor, organisationId: string, keys: readonly string[]): Promise<Map<string, number>> {
  const now = Date.now();
  const out = new Map<string, number>();
  const missing: string[] = [];
  for (const key of new Set(keys)) {
    const hit = frequencyCache.get(`${organisationId}|${key}`);
    if (hit && now - hit.at < FREQUENCY_TTL_MS) out.set(key, hit.n);
    else missing.push(key);
  }
  if (frequencyCache.size > 200_000) frequencyCache.clear();
  for (const [key, n] of await nameFrequencies(db, organisationId, missing)) {
    out.set(key, n);
    frequencyCache.set(`${organisationId}|${key}`, { n, at: now });
  }
  return out;
}

/** Does one batch of the oldest unfinished scan; null when there is none to claim. */
export async function runScanStep(db: Db, options: ScanStepOptions = {}): Promise<ScanStepResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  return db.transaction().execute(async (trx) => {
    const scan = await claimScan(trx, options.organisationId ? { organisationId: options.organisationId } : {});
    if (!scan) return null;
    const org = scan.organisation_id;
    if (scan.status === 'pending') {
      await updateScan(trx, scan.id, { status: 'running', phase: 'indexing', started_at: new Date().toISOString() });
      return { scanId: scan.id, status: 'running', processed: 0, total: 0 };
    }
    if (scan.phase === 'indexing') {
      const rekeyed = await refreshStaleMatchKeys(trx, org, batchSize);
      if (rekeyed < batchSize) {
        const total = await countActivePeople(trx, org);
        await updateScan(trx, scan.id, { phase: 'matching', total, processed: 0, cursor: JSON.stringify(await startCursor(trx, org)) });
        return { scanId: scan.id, status: 'running', processed: 0, total };
      }
      await updateScan(trx, scan.id, {});
      return { scanId: scan.id, status: 'running', processed: 0, total: scan.total };
    }

    await withoutJit(trx);
    // A cursor this version cannot read (a scan begun before an upgrade) starts the matching over.
    let cursor = readCursor(scan.cursor) ?? (await startCursor(trx, org));
    for (;;) {
      const stageIndex = STAGES.findIndex((s) => s.name === cursor.stage);
      const stage = STAGES[stageIndex]!;
      const read = await readBlocks(trx, org, stage, cursor.after, batchSize);
      if (read.blocks === 0 || read.last === null) {
        // The keys held by one person only, past the last block, count as done too.
        const rest = await countScanUnitsAfter(trx, org, 'prefix' in stage ? stage.prefix : null, cursor.after);
        const next = STAGES[stageIndex + 1];
        if (next) {
          cursor = { ...cursor, stage: next.name, after: null, done: cursor.done + rest };
          continue;
        }
        await updateScan(trx, scan.id, { status: 'done', finished_at: new Date().toISOString(), processed: scan.total, cursor: JSON.stringify({ ...cursor, done: cursor.of }) });
        await writeAudit(trx, { organisationId: org, actorUserId: scan.started_by, requestId: null }, {
          action: 'duplicate.scan.done', recordType: 'duplicate_scan', recordId: scan.id, details: { processed: scan.total, pairs: scan.pairs_found },
        });
        return { scanId: scan.id, status: 'done', processed: scan.total, total: scan.total };
      }
      const written = await matchBlocks(trx, scan.id, org, stage, read);
      cursor = { ...cursor, after: read.last, done: cursor.done + read.units };
      // Progress in records, as the registry counts them: the share of the work done.
      const processed = cursor.of > 0 ? Math.min(scan.total, Math.floor((scan.total * cursor.done) / cursor.of)) : 0;
      await updateScan(trx, scan.id, { cursor: JSON.stringify(cursor), processed, pairs_found: scan.pairs_found + written });
      return { scanId: scan.id, status: 'running', processed, total: scan.total };
    }
  });
}

function readBlocks(db: Executor, organisationId: string, stage: Stage, after: string | null, limit: number): Promise<ScanBlocks> {
  switch (stage.kind) {
    case 'all':
      return scanKeyBlocks(db, organisationId, { prefix: stage.prefix, after, limit });
    case 'probe':
      return scanKeyBlocks(db, organisationId, { prefix: stage.prefix, after, limit, probe: { target: stage.target, narrowAbove: BLOCK_CAP } });
    case 'household':
      return scanHouseholdBlocks(db, organisationId, { after, limit });
  }
}

/**
 * The pairs (a < b by id) the members of one block make; `size` is how many
 * people hold its key (its target key in a probe block). In a block larger
 * than BLOCK_CAP a person meets only people of the same district or of no
 * known district, and one who would still meet more than MAX_MEETINGS meets
 * nobody there.
 */
export function blockPairs(members: readonly ScanMember[], size: number): [ScanPerson, ScanPerson][] {
  const probes = uniqueById(members.filter((m) => m.side !== 'target'));
  const targets = members.some((m) => m.side === 'target') ? uniqueById(members.filter((m) => m.side === 'target')) : probes;
  const large = size > BLOCK_CAP;
  const pairs: [ScanPerson, ScanPerson][] = [];
  if (!large && targets === probes) {
    for (let i = 0; i < probes.length; i++) {
      for (let j = i + 1; j < probes.length; j++) {
        const [p, t] = [probes[i]!, probes[j]!];
        pairs.push(p.id < t.id ? [p, t] : [t, p]);
      }
    }
    return pairs;
  }
  const byDistrict = new Map<string | null, ScanPerson[]>();
  for (const t of targets) {
    const same = byDistrict.get(t.district_id);
    if (same) same.push(t);
    else byDistrict.set(t.district_id, [t]);
  }
  const seen = new Set<string>();
  for (const p of probes) {
    const met = (!large || p.district_id === null ? targets : [...(byDistrict.get(p.district_id) ?? []), ...(byDistrict.get(null) ?? [])]).filter((t) => t.id !== p.id);
    if (met.length > MAX_MEETINGS) continue;
    for (const t of met) {
      const [a, b] = p.id < t.id ? [p, t] : [t, p];
      const key = `${a.id}|${b.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push([a, b]);
    }
  }
  return pairs;
}

function uniqueById<T extends { id: string }>(list: readonly T[]): T[] {
  const seen = new Set<string>();
  return list.filter((x) => !seen.has(x.id) && seen.add(x.id));
}

/**
 * Households and caregivers before they are read, as the most favourable
 * case: all four people share a household, and caregivers' names agree
 * (any name is equal to itself, so this costs one comparison of a name
 * already parsed).
 */
export const ANY_HOUSEHOLD: readonly string[] = ['*'];
export const ANY_CAREGIVER: readonly string[] = ['Ali'];

/** A person as the scorer sees them, households and caregivers still assumed (see matchRecordOf for the full row). */
function scanRecordOf(p: ScanPerson): MatchRecord {
  return {
    names: [],
    sex: p.sex,
    birthDate: p.birth_date,
    birthDateEstimated: p.birth_date_estimated,
    pinfl: p.pinfl,
    birthCertificate: p.birth_certificate,
    mahallaId: p.mahalla_id,
    districtId: p.district_id,
    householdIds: ANY_HOUSEHOLD,
    caregiverNames: ANY_CAREGIVER,
  };
}

/** The same record with caregivers assumed to agree, when both have some. */
export function hopeful(r: MatchRecord): MatchRecord {
  return r.caregiverNames.length > 0 ? { ...r, caregiverNames: ANY_CAREGIVER } : r;
}

/**
 * Compares the people of the blocks; returns how many pairs went to the
 * queue. Each person's record starts with the row's fields and learns more
 * as the pairs that could still reach a band grow fewer: each filter below
 * scores an upper bound of the final score, so it drops only pairs that
 * would get no band.
 */
async function matchBlocks(db: Executor, scanId: string, organisationId: string, stage: Stage, read: ScanBlocks): Promise<number> {
  const byBlock = new Map<string, ScanMember[]>();
  for (const m of read.members) {
    const block = byBlock.get(m.block);
    if (block) block.push(m);
    else byBlock.set(m.block, [m]);
  }

  // Every pass over people or pairs goes through the slicer: a batch can hold hundreds of thousands of pairs.
  const slicer = new TimeSlicer();
  const records = new Map<string, MatchRecord>();
  const recordOf = (p: ScanPerson) => records.get(p.id) ?? records.set(p.id, scanRecordOf(p)).get(p.id)!;
  const involved = async (pairs: readonly [ScanPerson, ScanPerson][]) => {
    const people = new Map<string, ScanPerson>();
    await slicer.each(pairs, ([a, b]) => people.set(a.id, a).set(b.id, b));
    return people;
  };
  const learnNames = async (pairs: readonly [ScanPerson, ScanPerson][]) => {
    // Made distinct once here rather than at every comparison: a list of one name skips that step.
    await slicer.each((await involved(pairs)).values(), (p) => {
      if (recordOf(p).names.length === 0) recordOf(p).names = distinctNames(fullNamesOf(p));
    });
  };
  // A record without nameFrequency counts its name as rare: the frequency only ever lowers the score.
  const learnFrequencies = async (people: readonly ScanPerson[]) => {
    const cores = new Map(people.filter((p) => !('nameFrequency' in recordOf(p))).map((p) => [p.id, coreNameKey(p)]));
    const counts = await cachedFrequencies(db, organisationId, [...cores.values()].filter((k) => k !== null));
    for (const [id, core] of cores) records.get(id)!.nameFrequency = core ? counts.get(core) : undefined;
  };
  const mayMatch = ([a, b]: [ScanPerson, ScanPerson]) => !cannotBeDuplicate(recordOf(a), recordOf(b));

  // 1. The fields alone; a pair met in several blocks of the batch is taken once.
  const candidates = new Map<string, [ScanPerson, ScanPerson]>();
  for (const [block, members] of byBlock) {
    await slicer.each(blockPairs(members, Math.max(read.sizes.get(block) ?? 0, members.length)), (pair) => {
      if (mayMatch(pair)) candidates.set(`${pair[0].id}|${pair[1].id}`, pair);
    });
  }
  let pending = [...candidates.values()];
  if (stage.namesAlike) {
    // The block's key is the name: names agree by construction, and how common the name is decides. One side's
    // frequency already bounds the pair's (the scorer takes the larger): learnt first for the probes, fewer than their targets.
    const probes = new Set(read.members.filter((m) => m.side !== 'target').map((m) => m.id));
    await learnFrequencies([...(await involved(pending)).values()].filter((p) => probes.has(p.id)));
    pending = await slicer.filter(pending, mayMatch);
  } else {
    // Names mostly differ: compared before anything more is read.
    await learnNames(pending);
    pending = await slicer.filter(pending, ([a, b]) => scoreDuplicate(recordOf(a), recordOf(b)).band !== null);
  }
  if (pending.length === 0) return 0;
  const skip = await pairsToSkip(db, scanId, pending.map(([a, b]) => ({ a: a.id, b: b.id })));
  pending = await slicer.filter(pending, ([a, b]) => !skip.has(`${a.id}|${b.id}`));
  if (pending.length === 0) return 0;

  // 2. The real households and caregivers.
  const people = await involved(pending);
  const contexts = await matchContexts(db, [...people.keys()]);
  await slicer.each(people.values(), (p) => {
    const r = recordOf(p);
    r.householdIds = contexts.get(p.id)?.householdIds ?? [];
    r.caregiverNames = distinctNames(contexts.get(p.id)?.caregiverNames ?? []);
  });
  pending = await slicer.filter(pending, mayMatch);
  if (stage.namesAlike) {
    await learnFrequencies([...(await involved(pending)).values()]);
    pending = await slicer.filter(pending, mayMatch);
  }

  // 3. Names compared, caregivers still assumed to agree.
  await learnNames(pending);
  pending = await slicer.filter(pending, ([a, b]) => scoreDuplicate(hopeful(recordOf(a)), hopeful(recordOf(b))).band !== null);

  // 4. In full.
  await learnFrequencies([...(await involved(pending)).values()]);
  const pairs: PairUpsert[] = [];
  for (const [a, b] of pending) {
    const s = scoreDuplicate(recordOf(a), recordOf(b));
    if (s.band) pairs.push({ organisation_id: organisationId, person_a_id: a.id, person_b_id: b.id, score: s.score, band: s.band, reasons: s.reasons, scan_id: scanId });
    await slicer.pause();
  }
  return upsertPairs(db, pairs);
}

/** How many failed steps in a row mark a scan failed. */
const MAX_FAILURES = 5;

/** The scan as a job of the runner. */
export class DuplicateScanJob implements Job {
  readonly name = 'duplicate-scan';
  private failures = 0;

  constructor(private readonly db: Db, private readonly options: ScanStepOptions = {}) {}

  async step(): Promise<boolean> {
    try {
      const result = await runScanStep(this.db, this.options);
      this.failures = 0;
      return result !== null;
    } catch (error) {
      this.failures += 1;
      if (this.failures >= MAX_FAILURES) {
        this.failures = 0;
        await this.markFailed(error);
      }
      throw error;
    }
  }

  private async markFailed(error: unknown): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const scan = await claimScan(trx, this.options.organisationId ? { organisationId: this.options.organisationId } : {});
      if (scan) await updateScan(trx, scan.id, { status: 'failed', error: error instanceof Error ? error.message.slice(0, 500) : 'failed', finished_at: new Date().toISOString() });
    }).catch(() => undefined);
  }
}
