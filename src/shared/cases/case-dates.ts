import type { CaseStatus, RiskLevel } from './case-codes.ts';
import { OPEN_WORK_STATUSES } from './case-codes.ts';

/**
 * Dates of a family case: review deadlines per risk level, and the calendar
 * arithmetic behind them. The server computes the same in SQL
 * (`date + make_interval(months => n)`), which clamps to the month's end
 * exactly as `addMonths` does here.
 */

/** How often a case is reviewed, and when other work falls due; an organisation may change it. */
export interface CaseReviewPolicy {
  highMonths: number;
  mediumMonths: number;
  lowMonths: number;
  noneMonths: number;
  /** Days after enrolment by which the first assessment is due. */
  assessmentDueDays: number;
  /** Days a referral may wait for an answer: an incoming one for screening, an outgoing one for its reply. */
  referralAnswerDays: number;
  /** Days after exit by which the post-exit follow-up is due. */
  followUpDays: number;
}

export const DEFAULT_REVIEW_POLICY: Readonly<CaseReviewPolicy> = {
  highMonths: 1,
  mediumMonths: 3,
  lowMonths: 6,
  noneMonths: 6,
  assessmentDueDays: 14,
  referralAnswerDays: 14,
  followUpDays: 90,
};

export function reviewMonths(policy: CaseReviewPolicy, risk: RiskLevel): number {
  switch (risk) {
    case 'high': return policy.highMonths;
    case 'medium': return policy.mediumMonths;
    case 'low': return policy.lowMonths;
    case 'none': return policy.noneMonths;
  }
}

const parse = (date: string): [number, number, number] => date.split('-').map(Number) as [number, number, number];
const format = (d: Date): string => d.toISOString().slice(0, 10);

/** `date` plus `months` calendar months; the 31st of January plus one month is the 28th (or 29th) of February. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parse(date);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return format(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, lastDay))));
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parse(date);
  return format(new Date(Date.UTC(y, m - 1, d + days)));
}

/** Today's date in Uzbekistan (UTC+5, no daylight saving). */
export function todayInUzbekistan(now: Date = new Date()): string {
  return format(new Date(now.getTime() + 5 * 3_600_000));
}

/**
 * When a case is next reviewed: the last review (or the enrolment) plus the
 * months its risk level allows. Only enrolled, worked-on cases are reviewed.
 */
export function nextReviewOn(
  policy: CaseReviewPolicy,
  c: { status: CaseStatus; riskLevel: RiskLevel; lastReviewedOn: string | null; enrolledOn: string | null },
): string | null {
  if (!(OPEN_WORK_STATUSES as readonly string[]).includes(c.status)) return null;
  const from = c.lastReviewedOn ?? c.enrolledOn;
  return from ? addMonths(from, reviewMonths(policy, c.riskLevel)) : null;
}
