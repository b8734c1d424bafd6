import { z } from 'zod';
import {
  GRANULARITIES,
  KPI_IDS,
  type Granularity,
  type KpiBetter,
  type KpiId,
  type KpiStatus,
  type KpiUnit,
} from '../../kpi/types';
import { method } from '../define';

/**
 * KPI engine contract (dashboard, agent scorecard, CSV export, CLI queries).
 * Days are local calendar dates `YYYY-MM-DD`, ranges inclusive. Values are null when the KPI has
 * no data in scope (empty denominator). Use shared/kpi/periods.ts `periodRange(kind, anchor)` to
 * turn day/week/month/quarter into a range; custom ranges are passed as is.
 */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const range = { from: day, to: day };
const rangeCheck = (v: { from: string; to: string }) => v.from <= v.to;
const rangeMessage = { message: '"from" must not be after "to"', path: ['to'] };
const kpiId = z.enum(KPI_IDS);
const granularity = z.enum(GRANULARITIES);

export interface KpiDefinitionDto {
  id: KpiId;
  label: string;
  /** Unit in force under the current settings (CSAT in mean mode: 'score'). */
  unit: KpiUnit;
  /** Direction in force (CES follows the "high is easy/hard" setting). */
  better: KpiBetter;
  description: string;
  decimals: number;
  /** Default (team-wide) target, null when none. */
  target: number | null;
}

export interface KpiRegistryInfo {
  kpis: KpiDefinitionDto[];
  /** What is in force, to show beside the numbers ("CSAT: % rated ≥ 4 of 5"). */
  modes: { csat: string; fcr: string; ces: string };
}

/**
 * How much evidence stands behind a value (issue 8 item 4). Every KPI value the backend sends
 * carries one, so a screen never shows a number without its denominator.
 */
export interface KpiEvidence {
  /** The denominator: responses, complaints, resolved tickets, handled interactions… */
  n: number;
  /** What n counts, plural, in plain words ("responses", "complaints", "resolved tickets"). */
  nLabel: string;
  /** 95% interval in the KPI's unit: Wilson for rates; null where none is defined (volume). */
  interval: { low: number; high: number } | null;
  /** n is below settings.status.minN: shown marked, kept out of the exceptions. */
  lowConfidence: boolean;
}

export interface PeriodValue {
  /** First day of the bucket (week: ISO Monday). */
  period: string;
  /** Human label: 2026-01-05, 2026-W02, 2026-01, 2026-Q1. */
  label: string;
  value: number | null;
  /** Denominator of this bucket's value (0 when there is no data). */
  n: number;
  /**
   * The bucket is cut by the range (a week or month only partly inside it) or still under way:
   * charts mark it as partial rather than compare it with whole buckets.
   */
  partial: boolean;
}

/** A KPI's value for a period against its previous period and its target. */
export interface KpiComparison {
  kpiId: KpiId;
  value: number | null;
  /** Same KPI over the previous period (previous calendar month/quarter, else the same number of days before). */
  previous: number | null;
  delta: number | null;
  direction: 'up' | 'down' | 'flat' | null;
  /** Whether the change is good news given the KPI's better direction; null for neutral or unknown. */
  improving: boolean | null;
  target: number | null;
  status: KpiStatus;
  /** Evidence behind `value`; null when value is null. */
  evidence: KpiEvidence | null;
  /** Evidence behind `previous`; null when previous is null. */
  previousEvidence: KpiEvidence | null;
}

export interface KpiTile extends KpiComparison {
  /** The period's values by trend granularity. */
  sparkline: PeriodValue[];
}

export interface KpiTrend {
  kpiId: KpiId;
  granularity: Granularity;
  points: PeriodValue[];
  target: number | null;
  /** Trailing-window values for each day of the range (window ends on that day, inclusive). */
  rolling7: Array<{ day: string; value: number | null }>;
  rolling30: Array<{ day: string; value: number | null }>;
}

export interface KpiEventDto {
  id: string;
  teamId: string | null;
  day: string;
  label: string;
}

export interface AgentRankingRow {
  agentId: string;
  name: string;
  teamId: string | null;
  /** Interactions in the period (for sorting / small-sample hints). */
  volume: number;
  values: Partial<Record<KpiId, number | null>>;
  /** Evidence behind each non-null value. */
  evidence: Partial<Record<KpiId, KpiEvidence>>;
  targets: Partial<Record<KpiId, number | null>>;
  status: Partial<Record<KpiId, KpiStatus>>;
}

export interface KpiException {
  agentId: string;
  name: string;
  kpiId: KpiId;
  value: number;
  target: number;
  /** How far on the wrong side of the target (always ≥ 0, in the KPI's unit). */
  gap: number;
  status: 'warn' | 'bad';
  evidence: KpiEvidence;
  /**
   * How sure the miss is, 0–1: for rates, one minus the one-sided p-value of "the true rate is on
   * the right side of the target" (normal approximation); exceptions are ordered by this.
   */
  certainty: number;
}

export interface Dashboard {
  teamId: string | null;
  from: string;
  to: string;
  previous: { from: string; to: string };
  granularity: Granularity;
  kpis: KpiDefinitionDto[];
  tiles: KpiTile[];
  trends: KpiTrend[];
  events: KpiEventDto[];
  agentRanking: AgentRankingRow[];
  /** Agents worse than target, the surest misses first; low-confidence values are left out. */
  exceptions: KpiException[];
  /** Interactions in the (elapsed part of the) period for this scope: 0 means "no data", never "all good". */
  interactionCount: number;
  /** The smallest n a value is trusted on (settings.status.minN), for legends. */
  minN: number;
  /** Milliseconds the backend spent (for the status bar and the benchmark). */
  elapsedMs: number;
}

export interface ScorecardKpi extends KpiComparison {
  /**
   * The agent's team over the same period: pooled over all its interactions, except for
   * additive counts (volume), where it is the average agent of the team (total ÷ active agents).
   */
  teamValue: number | null;
  /** How teamValue was formed, for the label ("team" or "average agent"). */
  teamBasis: 'pooled' | 'average_agent';
  series: Array<PeriodValue & { teamValue: number | null }>;
}

export interface AgentScorecard {
  agent: { id: string; name: string; teamId: string | null; teamName: string | null };
  from: string;
  to: string;
  previous: { from: string; to: string };
  granularity: Granularity;
  kpis: KpiDefinitionDto[];
  rows: ScorecardKpi[];
  events: KpiEventDto[];
  elapsedMs: number;
}

export const QUERY_GROUPINGS = [
  'agent',
  'team',
  'channel',
  'day',
  'week',
  'month',
  'quarter',
  'none',
] as const;
export type QueryGrouping = (typeof QUERY_GROUPINGS)[number];

export interface KpiQueryResult {
  from: string;
  to: string;
  by: QueryGrouping;
  kpis: KpiDefinitionDto[];
  /** One row per group, sorted by key; `key` is an id or a period start, `label` a name or period label. */
  rows: Array<{
    key: string;
    label: string;
    values: Partial<Record<KpiId, number | null>>;
    evidence: Partial<Record<KpiId, KpiEvidence>>;
  }>;
}

/** One count in a "how is this computed" trail, e.g. {count: 1191, label: 'without a rating'}. */
export interface KpiCount {
  count: number;
  label: string;
}

/** The "how is this computed" panel of one KPI in one scope and range (issue 8 item 5). */
export interface KpiExplanation {
  kpiId: KpiId;
  label: string;
  from: string;
  to: string;
  /** The formula in force under the current settings, in words. */
  formula: string;
  value: number | null;
  evidence: KpiEvidence | null;
  /** Interactions in scope. */
  scope: KpiCount;
  numerator: KpiCount | null;
  denominator: KpiCount | null;
  /** What was left out, each with its count ("1,191 without a rating are not counted"). */
  excluded: KpiCount[];
  /** Retention only: customers at start, at end, new. */
  retention: { atStart: number; atEnd: number; fresh: number } | null;
  /**
   * False when the KPI cannot be measured from this data (retention with no recurring customers
   * or no customer ids): the value is null and `notMeasurableReason` says why.
   */
  measurable: boolean;
  notMeasurableReason: string | null;
  /** One plain sentence per step, in order: the trail shown in the panel. */
  steps: string[];
}

const selectors = {
  ...range,
  teamId: z.string().min(1).optional(),
  agentId: z.string().min(1).optional(),
  kpiIds: z.array(kpiId).min(1).max(KPI_IDS.length).optional(),
};

export const kpiContract = {
  getKpiRegistry: method<KpiRegistryInfo>()(z.object({}).strict()),
  getDashboard: method<Dashboard>()(
    z
      .object({ ...range, teamId: z.string().min(1).optional(), granularity, kpiIds: selectors.kpiIds })
      .strict()
      .refine(rangeCheck, rangeMessage),
  ),
  getAgentScorecard: method<AgentScorecard>()(
    z
      .object({ ...range, agentId: z.string().min(1), granularity, kpiIds: selectors.kpiIds })
      .strict()
      .refine(rangeCheck, rangeMessage),
  ),
  queryKpis: method<KpiQueryResult>()(
    z
      .object({ ...selectors, by: z.enum(QUERY_GROUPINGS) })
      .strict()
      .refine(rangeCheck, rangeMessage),
  ),
  /** CSV of the same rows as queryKpis (plus targets for agent rows); the renderer downloads it. */
  exportScorecardCsv: method<{ fileName: string; csv: string }>()(
    z
      .object({ ...selectors, by: z.enum(QUERY_GROUPINGS) })
      .strict()
      .refine(rangeCheck, rangeMessage),
  ),
  /** The "how is this computed" trail for one KPI, team or agent, range. */
  explainKpi: method<KpiExplanation>()(
    z
      .object({
        ...range,
        kpiId,
        teamId: z.string().min(1).optional(),
        agentId: z.string().min(1).optional(),
      })
      .strict()
      .refine(rangeCheck, rangeMessage),
  ),
  listKpiEvents: method<KpiEventDto[]>()(
    z
      .object({ ...range, teamId: z.string().min(1).optional() })
      .strict()
      .refine(rangeCheck, rangeMessage),
  ),
  addKpiEvent: method<KpiEventDto>()(
    z
      .object({
        day,
        label: z.string().trim().min(1).max(200),
        teamId: z.string().min(1).nullable().optional(),
      })
      .strict(),
  ),
  deleteKpiEvent: method<{ deleted: boolean }>()(z.object({ id: z.string().min(1) }).strict()),
};
