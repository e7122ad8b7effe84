import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_POLICY, addDays, addMonths, nextReviewOn, todayInUzbekistan } from './case-dates.ts';

describe('case dates', () => {
  it('adds months clamping to the end of the month, as PostgreSQL does', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-15', 6)).toBe('2026-09-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
  });

  it('reads today in Tashkent time', () => {
    expect(todayInUzbekistan(new Date('2026-03-01T19:30:00Z'))).toBe('2026-03-02');
    expect(todayInUzbekistan(new Date('2026-03-01T18:59:00Z'))).toBe('2026-03-01');
  });

  it('computes the next review from the last review, or the enrolment, by risk level', () => {
    const base = { status: 'active' as const, lastReviewedOn: null, enrolledOn: '2026-01-10' };
    expect(nextReviewOn(DEFAULT_REVIEW_POLICY, { ...base, riskLevel: 'high' })).toBe('2026-02-10');
    expect(nextReviewOn(DEFAULT_REVIEW_POLICY, { ...base, riskLevel: 'medium' })).toBe('2026-04-10');
    expect(nextReviewOn(DEFAULT_REVIEW_POLICY, { ...base, riskLevel: 'low' })).toBe('2026-07-10');
    expect(nextReviewOn(DEFAULT_REVIEW_POLICY, { ...base, riskLevel: 'none' })).toBe('2026-07-10');
    expect(nextReviewOn(DEFAULT_REVIEW_POLICY, { ...base, riskLevel: 'high', lastReviewedOn: '2026-03-05' })).toBe('2026-04-05');
    expect(nextReviewOn({ ...DEFAULT_REVIEW_POLICY, highMonths: 2 }, { ...base, riskLevel: 'high' })).toBe('2026-03-10');
    expect(nextReviewOn(DEFAULT_REVIEW_POLICY, { ...base, status: 'screening', riskLevel: 'high' })).toBeNull();
    expect(nextReviewOn(DEFAULT_REVIEW_POLICY, { ...base, status: 'suspended', riskLevel: 'high' })).toBeNull();
  });
});
