/** What an import job tells about its rows: rejected rows and reasons, rate bias, assumptions. */
import { mergeTallies, rateBias, type FlagTallies, type RateBias } from '../../../shared/import/bias';
import type { RowStats } from '../../../shared/import/rows';
import type { ImportMapping, ImportReport, RowIssue } from '../../../shared/import/types';
import type { ValidatedBatch } from './validate';

export const MAX_LISTED_ISSUES = 1000;

/** Collects the rejected rows of every batch: the first issues in full, every reason counted. */
export class IssueLog {
  rejected = 0;
  readonly listed: RowIssue[] = [];
  private readonly reasonCounts = new Map<string, { column: string; reason: string; count: number }>();
  private readonly flags: FlagTallies = {};

  addBatch(batch: Pick<ValidatedBatch, 'rejected' | 'flags'>): void {
    for (const issues of batch.rejected) this.addRow(issues);
    mergeTallies(this.flags, batch.flags);
  }

  private addRow(issues: RowIssue[]): void {
    this.rejected++;
    const seen = new Set<string>();
    for (const issue of issues) {
      if (this.listed.length < MAX_LISTED_ISSUES) this.listed.push(issue);
      const reason = generalise(issue.reason);
      const key = `${issue.column}\u0000${reason}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = this.reasonCounts.get(key);
      if (entry) entry.count++;
      else this.reasonCounts.set(key, { column: issue.column, reason, count: 1 });
    }
  }

  reasons(): ImportReport['rejectedReasons'] {
    return [...this.reasonCounts.values()].sort((a, b) => b.count - a.count);
  }

  rateBias(): RateBias[] {
    return rateBias(this.flags);
  }
}

/** "CSAT 7 is outside 1–5" → "CSAT # is outside 1–5": groups issues for the summary. */
function generalise(reason: string): string {
  return reason.replace(/"[^"]*"/g, 'value').replace(/(^|[^\d–])-?\d+(\.\d+)?(?![\d–])/g, '$1#');
}

const count = (n: number): string => n.toLocaleString('en-US');
const rowCount = (n: number): string => `${count(n)} ${n === 1 ? 'row' : 'rows'}`;

export function statAssumptions(stats: RowStats, mapping: ImportMapping): string[] {
  const notes: string[] = [];
  if (stats.startedFromFallback > 0)
    notes.push(
      `${rowCount(stats.startedFromFallback)}: started_at taken from the first-response (else resolution) timestamp.`,
    );
  if (stats.startedFromDateColumn > 0)
    notes.push(
      `${rowCount(stats.startedFromDateColumn)} without any time start on their "${mapping.fields.started_fallback ?? ''}" date; no durations are computed from it.`,
    );
  if (stats.startedFromDefaultDate > 0)
    notes.push(`${rowCount(stats.startedFromDefaultDate)} without any timestamp got the fallback date.`);
  if (stats.resolvedBeforeFirstResponse > 0)
    notes.push(
      `${rowCount(stats.resolvedBeforeFirstResponse)} are resolved before their first response (kept as in the file).`,
    );
  if (stats.abandonedZeroTalkNulled > 0)
    notes.push(
      `${count(stats.abandonedZeroTalkNulled)} zero talk/hold/wrap times on abandoned calls stored as empty, not 0.`,
    );
  if (stats.formulaTextKept > 0)
    notes.push(
      `${count(stats.formulaTextKept)} text cells start with = + - @: stored as plain text, never evaluated (CSV exports neutralise them).`,
    );
  return notes;
}
