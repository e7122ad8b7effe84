import type { DuplicateScan } from '../../api/types.ts';

/** How often the page asks for the progress of a scan under way. */
export const SCAN_POLL_MS = 2000;

/** A scan the server has yet to finish: the page keeps asking for its progress. */
export function isScanActive(scan: DuplicateScan | null | undefined): boolean {
  return scan?.status === 'pending' || scan?.status === 'running';
}

/** Whole percent done, never 100 before the server says the scan is done. */
export function scanPercent(scan: DuplicateScan): number {
  if (scan.status === 'done') return 100;
  if (scan.total <= 0) return 0;
  return Math.min(99, Math.floor((scan.processed / scan.total) * 100));
}

/**
 * What a screen reader is told while the scan runs: the phase and the
 * percent in steps of ten, so the announcement changes a few times per scan
 * rather than at every poll.
 */
export function scanAnnouncement(scan: DuplicateScan | null | undefined): { kind: 'running' | 'done' | 'failed'; percent: number } | null {
  if (!scan || scan.status === 'pending') return null;
  if (scan.status === 'running') return { kind: 'running', percent: Math.floor(scanPercent(scan) / 10) * 10 };
  return { kind: scan.status, percent: scanPercent(scan) };
}
