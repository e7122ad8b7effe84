/**
 * Quality of duplicate detection on the labelled record pairs
 * (bench/data/duplicate-pairs.ts: our labelled name pairs and the
 * association's reference pairs, with dates and sexes, plus hand-written full
 * records).
 *
 *   npx tsx bench/duplicates-quality.ts [--verbose]
 *
 * Prints:
 *  - recall@5: for each true pair, from each side, is the other record among
 *    the top 5 candidates of the whole pool of records, scored by
 *    scoreDuplicate() and shown (band likely or possible)? Once over the
 *    whole pool, once over the candidates the database would retrieve
 *    (shared candidate key: what the registration check and the scan use; and
 *    also pg_trgm similarity of the folded names ≥ 0.45, the search's fallback).
 *    Target ≥ 0.98.
 *  - precision of the `likely` band on the labelled pairs (target ≥ 0.95),
 *    and how many true pairs reach `likely`.
 * Exits 1 when a target is missed.
 */
import { parseArgs } from 'node:util';
import { scoreDuplicate, type MatchRecord } from '../src/server/modules/duplicates/duplicate-score.ts';
import { STAGES } from '../src/server/modules/duplicates/duplicate-scan.ts';
import { candidateKeys, matchFold } from '../src/server/modules/duplicates/match-keys.ts';
import { recordPairs, type BenchRecord } from './data/duplicate-pairs.ts';

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false } } });

const TRIGRAM_THRESHOLD = 0.45;
const TOP = 5;

/** pg_trgm's trigrams: each alphanumeric word, lower case, padded with two spaces in front and one behind. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}
export function trigramSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  return shared / (a.size + b.size - shared);
}

function toMatchRecord(r: BenchRecord): MatchRecord {
  return {
    names: [r.name], sex: r.sex, birthDate: r.birthDate, birthDateEstimated: r.birthDateEstimated ?? false,
    pinfl: r.pinfl ?? null, birthCertificate: r.birthCertificate ?? null, mahallaId: r.mahalla ?? null, districtId: null, householdIds: [], caregiverNames: [],
  };
}

const pairs = recordPairs();
// The pool: every distinct record once (a record reused by two pairs is one record).
const pool: BenchRecord[] = [];
const indexOf = new Map<string, number>();
const idx = (r: BenchRecord) => {
  const key = JSON.stringify([r.name, r.sex, r.birthDate, r.birthDateEstimated ?? false, r.pinfl ?? null, r.birthCertificate ?? null, r.mahalla ?? null]);
  let i = indexOf.get(key);
  if (i === undefined) {
    i = pool.length;
    pool.push(r);
    indexOf.set(key, i);
  }
  return i;
};
const labelled = pairs.map((p) => ({ ...p, ia: idx(p.a), ib: idx(p.b) }));
const records = pool.map(toMatchRecord);
const keys = pool.map((r) => new Set(candidateKeys({ given_name: r.name, family_name: '', patronymic: null, birth_date: r.birthDate, birth_date_estimated: r.birthDateEstimated ?? false, pinfl: r.pinfl ?? null, birth_certificate: r.birthCertificate ?? null })));
const folds = pool.map((r) => trigrams(matchFold(r.name)));

const started = performance.now();
const scoreCache = new Map<string, ReturnType<typeof scoreDuplicate>>();
const score = (i: number, j: number) => {
  const k = i < j ? `${i}:${j}` : `${j}:${i}`;
  let s = scoreCache.get(k);
  if (!s) scoreCache.set(k, (s = scoreDuplicate(records[i]!, records[j]!)));
  return s;
};

function byKey(i: number, j: number): boolean {
  for (const k of keys[i]!) if (keys[j]!.has(k)) return true;
  return false;
}
function blocked(i: number, j: number): boolean {
  return byKey(i, j) || trigramSimilarity(folds[i]!, folds[j]!) >= TRIGRAM_THRESHOLD;
}

/** The top candidates of record i among `others`, as the check would list them: banded, best first. */
function top(i: number, blocking: 'none' | 'keys' | 'keys+trigram'): number[] {
  const scored: [number, number][] = [];
  for (let j = 0; j < pool.length; j++) {
    if (j === i || (blocking === 'keys' && !byKey(i, j)) || (blocking === 'keys+trigram' && !blocked(i, j))) continue;
    const s = score(i, j);
    if (s.band) scored.push([j, s.score]);
  }
  return scored.sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, TOP).map(([j]) => j);
}

const truePairs = labelled.filter((p) => p.match);
let hitsPool = 0;
let hitsBlocked = 0;
let hitsKeys = 0;
const misses: string[] = [];
for (const p of truePairs) {
  for (const [from, to] of [[p.ia, p.ib], [p.ib, p.ia]] as const) {
    if (top(from, 'none').includes(to)) hitsPool += 1;
    if (top(from, 'keys').includes(to)) hitsKeys += 1;
    if (top(from, 'keys+trigram').includes(to)) hitsBlocked += 1;
    else misses.push(`${pool[from]!.name} (${pool[from]!.birthDate}) → ${pool[to]!.name} (${pool[to]!.birthDate}): ${p.why}, score ${score(from, to).score}`);
  }
}
const queries = truePairs.length * 2;

let tp = 0;
let fp = 0;
let possibleOrLikely = 0;
const falseLikely: string[] = [];
for (const p of labelled) {
  const s = score(p.ia, p.ib);
  if (p.match && s.band) possibleOrLikely += 1;
  if (s.band !== 'likely') continue;
  if (p.match) tp += 1;
  else {
    fp += 1;
    falseLikely.push(`${p.a.name} / ${p.b.name}: ${p.why}, ${s.score}`);
  }
}
// Likely pairs in the pool that no label covers (records of different labelled pairs).
const labelledKeys = new Set(labelled.map((p) => (p.ia < p.ib ? `${p.ia}:${p.ib}` : `${p.ib}:${p.ia}`)));
let unlabelledLikely = 0;
const unlabelledExamples: string[] = [];
for (let i = 0; i < pool.length; i++) {
  for (let j = i + 1; j < pool.length; j++) {
    if (labelledKeys.has(`${i}:${j}`) || !blocked(i, j)) continue;
    if (score(i, j).band === 'likely') {
      unlabelledLikely += 1;
      if (unlabelledExamples.length < 10) unlabelledExamples.push(`${pool[i]!.name} (${pool[i]!.birthDate}) / ${pool[j]!.name} (${pool[j]!.birthDate}) ${score(i, j).score}`);
    }
  }
}
// The background scan's blocking, read from its STAGES (no households here;
// the district limit of very large blocks does not arise in a pool this small).
function scanPairs(i: number, j: number): boolean {
  const meets = (a: Set<string>, b: Set<string>) =>
    STAGES.some((stage) => {
      if (stage.kind === 'household') return false;
      for (const k of a) {
        if (!k.startsWith(stage.prefix)) continue;
        const target = stage.kind === 'probe' ? `${stage.target}${k.slice(stage.prefix.length)}` : k;
        if (b.has(target)) return true;
      }
      return false;
    });
  return meets(keys[i]!, keys[j]!) || meets(keys[j]!, keys[i]!);
}
const scanReach = truePairs.filter((p) => scanPairs(p.ia, p.ib)).length;
const scanMissed = truePairs.filter((p) => !scanPairs(p.ia, p.ib)).map((p) => `${p.a.name} (${p.a.birthDate}) / ${p.b.name} (${p.b.birthDate}): ${p.why}, ${score(p.ia, p.ib).band}`);
const ms = performance.now() - started;

const recallPool = hitsPool / queries;
const recallBlocked = hitsBlocked / queries;
const precision = tp / Math.max(1, tp + fp);
const fmt = (x: number) => x.toFixed(3);
console.log(`labelled record pairs: ${labelled.length} (${truePairs.length} same person, ${labelled.length - truePairs.length} different people); pool of ${pool.length} distinct records`);
console.log('');
console.log('| measure | value | target |');
console.log('| --- | --- | --- |');
console.log(`| recall@${TOP}, whole pool (${queries} look-ups) | ${fmt(recallPool)} | ≥ 0.98 |`);
console.log(`| recall@${TOP}, candidates from the exact keys only (the registration check) | ${fmt(hitsKeys / queries)} | ≥ 0.98 |`);
console.log(`| recall@${TOP}, keys + trigram ≥ ${TRIGRAM_THRESHOLD} (the search's fallback) | ${fmt(recallBlocked)} | ≥ 0.98 |`);
console.log(`| true pairs the background scan compares (its blocking) | ${fmt(scanReach / truePairs.length)} | |`);
console.log(`| precision of \`likely\` (labelled pairs: ${tp} right, ${fp} wrong) | ${fmt(precision)} | ≥ 0.95 |`);
console.log(`| true pairs banded \`likely\` | ${fmt(tp / truePairs.length)} | |`);
console.log(`| true pairs banded \`likely\` or \`possible\` | ${fmt(possibleOrLikely / truePairs.length)} | |`);
console.log(`| unlabelled \`likely\` pairs across the pool | ${unlabelledLikely} | |`);
console.log(`| time | ${Math.round(ms)} ms (${scoreCache.size} pairs scored) | |`);
if (values.verbose || misses.length || falseLikely.length) {
  if (misses.length) console.log(`\nmissed in the top ${TOP} (database candidates):\n  ${misses.join('\n  ')}`);
  if (scanMissed.length) console.log(`\nnot compared by the scan:\n  ${scanMissed.join('\n  ')}`);
  if (falseLikely.length) console.log(`\n\`likely\` but different people:\n  ${falseLikely.join('\n  ')}`);
  if (values.verbose && unlabelledExamples.length) console.log(`\nunlabelled \`likely\` (examples):\n  ${unlabelledExamples.join('\n  ')}`);
}
process.exitCode = hitsKeys / queries >= 0.98 && recallBlocked >= 0.98 && recallPool >= 0.98 && precision >= 0.95 ? 0 : 1;
