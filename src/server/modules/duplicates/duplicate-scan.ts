/**
 * The background scan of an organisation's whole registry for possible
 * duplicates. Each step claims the oldest unfinished scan with FOR UPDATE
 * SKIP LOCKED and does one batch in its own transaction, committing the
 * cursor with the pairs it found: a scan stopped at any moment (app closed,
 * process killed) continues from its last committed batch, and finds the
 * same pairs as one run straight through.
 *
 * Phases: `indexing` re-keys people whose match keys are missing or older
 * than the row; `matching` walks active people in id order and compares each
 * with the people after it who share an exact candidate key (blocking), so
 * every pair is compared once.
 */
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../db/database.ts';
import type { Executor } from '../../platform/http/context.ts';
import type { Job } from '../../platform/jobs/job-runner.ts';
import { cannotBeDuplicate, scoreDuplicate } from './duplicate-score.ts';
import {
  claimScan, countActivePeople, matchContexts, nameFrequencies, nextScanBatch, peopleByIds, refreshStaleMatchKeys, scanCandidatePairs, updateScan, upsertPairs, type PairUpsert,
} from './duplicate.repository.ts';
import { coreNameKey } from './match-keys.ts';
import { matchRecordOf } from './duplicate.service.ts';

export interface ScanStepOptions {
  batchSize?: number;
  /** Only scans of this organisation (tests). */
  organisationId?: string;
}

export type ScanStepResult = { scanId: string; status: 'pending' | 'running' | 'done' | 'failed'; processed: number; total: number } | null;

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
  const batchSize = options.batchSize ?? 500;
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
        await updateScan(trx, scan.id, { phase: 'matching', total, processed: 0, cursor: null });
        return { scanId: scan.id, status: 'running', processed: 0, total };
      }
      await updateScan(trx, scan.id, {});
      return { scanId: scan.id, status: 'running', processed: 0, total: scan.total };
    }

    const batch = await nextScanBatch(trx, org, scan.cursor, batchSize);
    if (batch.length === 0) {
      await updateScan(trx, scan.id, { status: 'done', finished_at: new Date().toISOString(), total: scan.processed });
      await writeAudit(trx, { organisationId: org, actorUserId: scan.started_by, requestId: null }, {
        action: 'duplicate.scan.done', recordType: 'duplicate_scan', recordId: scan.id, details: { processed: scan.processed, pairs: scan.pairs_found },
      });
      return { scanId: scan.id, status: 'done', processed: scan.processed, total: scan.processed };
    }
    const candidates = await scanCandidatePairs(trx, org, batch.map((p) => p.id));
    const byId = new Map(batch.map((p) => [p.id, p]));
    const others = candidates.map((c) => c.b).filter((id) => !byId.has(id));
    for (const p of await peopleByIds(trx, others)) if (!p.archived_at) byId.set(p.id, p);
    const involved = [...new Set(candidates.flatMap((c) => [c.a, c.b]))].flatMap((id) => byId.get(id) ?? []);
    const contexts = await matchContexts(trx, involved.map((p) => p.id));
    const frequencies = await cachedFrequencies(trx, org, involved.map((p) => coreNameKey(p)).filter((k) => k !== null));
    const records = new Map(involved.map((p) => [p.id, matchRecordOf(p, contexts.get(p.id), frequencies)]));
    const pairs: PairUpsert[] = [];
    for (const { a, b } of candidates) {
      const ra = records.get(a);
      const rb = records.get(b);
      if (!ra || !rb || cannotBeDuplicate(ra, rb)) continue;
      const s = scoreDuplicate(ra, rb);
      if (s.band) pairs.push({ organisation_id: org, person_a_id: a, person_b_id: b, score: s.score, band: s.band, reasons: s.reasons, scan_id: scan.id });
    }
    await upsertPairs(trx, pairs);
    const processed = scan.processed + batch.length;
    await updateScan(trx, scan.id, { cursor: batch[batch.length - 1]!.id, processed, total: Math.max(scan.total, processed), pairs_found: scan.pairs_found + pairs.length });
    return { scanId: scan.id, status: 'running', processed, total: Math.max(scan.total, processed) };
  });
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
