import type { KpiSums } from '../../../shared/kpi/aggregate';
import { previousRange, rangeLength } from '../../../shared/kpi/periods';
import { MIN_RETENTION_DAYS, MIN_RETURNING_SHARE, type RetentionCounts } from '../../../shared/kpi/ratings';
import type { DayRange } from '../../../shared/kpi/types';
import type { Db } from '../db/database';
import { enteredCounts, loadRetention, withExtras, type Scope } from './query';

/**
 * When customer retention can be measured from contacts at all (issue 8 item 5).
 *
 * Retention from contacts reads "was in contact last period and again this period" as "stayed".
 * That only means something when customers come back. The rule, over the whole data file:
 *
 * 1. No interaction carries a customer id → not measurable.
 * 2. All customer ids fall in one calendar month → not measurable (nobody could have come back).
 * 3. Of the customers in contact in a month, the share also in contact the month after (summed
 *    over every month that has a next month) is below MIN_RETURNING_SHARE → not measurable: the
 *    ids are one-off tickets (the Kaggle support file: 4 of 175 customers, 2.3%, and those are
 *    e-mail addresses that repeat by chance), and a 2% "retention" would be noise read as churn.
 *
 * Entered customer counts (customer_counts) are measured by whoever entered them: they always
 * count. The check reads kpi_retention's few 'all' rows, so it costs nothing at dashboard time.
 */
export { MIN_RETURNING_SHARE };

export interface RetentionRule {
  measurable: boolean;
  reason: string | null;
  /** Customers in contact in a month that has a next month in the data, and how many came back. */
  base: number;
  returning: number;
}

const pct1 = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

export function retentionRule(db: Db): RetentionRule {
  const rows = db.values(`SELECT month, customers, retained FROM kpi_retention WHERE scope = 'all'`);
  return ruleFromMonths(
    rows.map(([m, c, r]) => ({ month: String(m), customers: Number(c), retained: Number(r) })),
  );
}

/** The rule over the data's months: distinct customers per month, and how many the month before too. */
export function ruleFromMonths(
  rows: ReadonlyArray<{ month: string; customers: number; retained: number }>,
): RetentionRule {
  const months = new Map(rows.map((r) => [r.month, r]));
  const last = [...months.keys()].sort().at(-1) ?? '';
  let base = 0;
  let returning = 0;
  for (const [month, { customers }] of months) {
    // A month counts when the data goes on after it, even if the next month had no customers.
    const next = nextMonth(month);
    if (next > last) continue;
    base += customers;
    returning += months.get(next)?.retained ?? 0;
  }
  const out = { base, returning };
  if (months.size === 0)
    return { ...out, measurable: false, reason: 'No interaction in the data carries a customer id.' };
  if (base === 0)
    return {
      ...out,
      measurable: false,
      reason: 'All customer ids fall in one calendar month, so no customer could have come back.',
    };
  if (returning / base < MIN_RETURNING_SHARE)
    return {
      ...out,
      measurable: false,
      reason: `Customers here do not come back: only ${returning.toLocaleString('en-US')} of ${base.toLocaleString('en-US')} customers (${pct1(returning, base)}) in contact in one month were in contact again the next month, below the ${100 * MIN_RETURNING_SHARE}% needed to read an absence as a lost customer. Enter customer counts per period to measure retention.`,
    };
  return { ...out, measurable: true, reason: null };
}

function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * loadRetention, honouring the rule and the shortest window (MIN_RETENTION_DAYS): when retention is
 * not measurable only entered counts (for exactly this period of a team or of all) remain, so the
 * value is null rather than noise.
 */
export function measuredRetention(
  db: Db,
  rule: RetentionRule,
  scope: Scope,
  range: DayRange,
  previous: DayRange,
  by: 'agent' | 'team' | 'none',
): Map<string, RetentionCounts> {
  if (rule.measurable && rangeLength(range) >= MIN_RETENTION_DAYS)
    return loadRetention(db, scope, range, previous, by);
  const out = new Map<string, RetentionCounts>();
  if (by === 'none' && !scope.agentId) {
    const entered = enteredCounts(db, scope.teamId ?? null).get(`${range.from}|${range.to}`);
    if (entered) out.set('', entered);
  }
  return out;
}

/** One total's retention sums for a range against its previous period, or null when unknown. */
export function retentionSums(db: Db, rule: RetentionRule, scope: Scope, range: DayRange): KpiSums | null {
  const r = measuredRetention(db, rule, scope, range, previousRange(range), 'none').get('');
  return r ? withExtras({}, undefined, r) : null;
}
