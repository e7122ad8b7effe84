import { describe, expect, it } from 'vitest';
import type { DuplicateScan } from '../../api/types.ts';
import { isScanActive, scanAnnouncement, scanPercent } from './scan-model.ts';

const scan = (patch: Partial<DuplicateScan>): DuplicateScan => ({
  id: 's1', status: 'running', phase: 'matching', processed: 0, total: 0, pairsFound: 0,
  createdAt: '2026-01-01T00:00:00Z', startedAt: null, finishedAt: null, heartbeatAt: null,
  ...patch,
});

describe('scan progress', () => {
  it('polls only while the server has yet to finish', () => {
    expect(isScanActive(scan({ status: 'pending' }))).toBe(true);
    expect(isScanActive(scan({ status: 'running' }))).toBe(true);
    expect(isScanActive(scan({ status: 'done' }))).toBe(false);
    expect(isScanActive(scan({ status: 'failed' }))).toBe(false);
    expect(isScanActive(null)).toBe(false);
  });

  it('gives whole percents, 0 before the total is known, and 100 only when done', () => {
    expect(scanPercent(scan({ processed: 5, total: 0 }))).toBe(0);
    expect(scanPercent(scan({ processed: 1, total: 3 }))).toBe(33);
    expect(scanPercent(scan({ processed: 3, total: 3 }))).toBe(99);
    expect(scanPercent(scan({ status: 'done', processed: 3, total: 3 }))).toBe(100);
  });

  it('announces the running scan in steps of ten percent, and its end', () => {
    expect(scanAnnouncement(scan({ processed: 47, total: 100 }))).toEqual({ kind: 'running', percent: 40 });
    expect(scanAnnouncement(scan({ processed: 49, total: 100 }))).toEqual(scanAnnouncement(scan({ processed: 41, total: 100 })));
    expect(scanAnnouncement(scan({ status: 'done', processed: 100, total: 100 }))).toEqual({ kind: 'done', percent: 100 });
    expect(scanAnnouncement(scan({ status: 'pending' }))).toBeNull();
    expect(scanAnnouncement(undefined)).toBeNull();
  });
});
