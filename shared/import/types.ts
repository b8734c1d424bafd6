import type { Channel } from '../domain/types';
import type { RateBias } from './bias';

/**
 * What a column of an export can be mapped to. Mostly the interactions columns of migration 001;
 * `agent`, `team`, `customer_*` are resolved to ids, `started_time` completes a date-only
 * `started_at` column (the PwC export has Date and Time in separate columns). `started_fallback`
 * is a date the user offers for rows with no time at all (the Kaggle open tickets): rejecting
 * them would leave unresolved tickets out of every rate.
 */
export const TARGET_FIELDS = [
  'external_id',
  'channel',
  'agent',
  'team',
  'customer_ref',
  'customer_name',
  'customer_email',
  'started_at',
  'started_time',
  'started_fallback',
  'topic',
  'subject',
  'priority',
  'status',
  'answered',
  'abandoned',
  'resolved',
  'first_response_at',
  'first_response_seconds',
  'resolved_at',
  'resolution_seconds',
  'resolution_business_seconds',
  'talk_seconds',
  'hold_seconds',
  'wrap_seconds',
  'fcr',
  'csat',
  'nps',
  'ces',
  'is_complaint',
  'escalated',
  'escalation_level',
  'complaint_category',
  'complaint_details',
  'cross_sell_eligible',
  'cross_sell_offered',
  'cross_sell_converted',
  'customer_comment',
  'notes',
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

export type FieldKind =
  'text' | 'datetime' | 'time' | 'duration' | 'flag' | 'csat' | 'nps' | 'ces' | 'channel';

export const FIELD_KINDS: Record<TargetField, FieldKind> = {
  external_id: 'text',
  channel: 'channel',
  agent: 'text',
  team: 'text',
  customer_ref: 'text',
  customer_name: 'text',
  customer_email: 'text',
  started_at: 'datetime',
  started_time: 'time',
  started_fallback: 'datetime',
  topic: 'text',
  subject: 'text',
  priority: 'text',
  status: 'text',
  answered: 'flag',
  abandoned: 'flag',
  resolved: 'flag',
  first_response_at: 'datetime',
  first_response_seconds: 'duration',
  resolved_at: 'datetime',
  resolution_seconds: 'duration',
  resolution_business_seconds: 'duration',
  talk_seconds: 'duration',
  hold_seconds: 'duration',
  wrap_seconds: 'duration',
  fcr: 'flag',
  csat: 'csat',
  nps: 'nps',
  ces: 'ces',
  is_complaint: 'flag',
  escalated: 'flag',
  escalation_level: 'text',
  complaint_category: 'text',
  complaint_details: 'text',
  cross_sell_eligible: 'flag',
  cross_sell_offered: 'flag',
  cross_sell_converted: 'flag',
  customer_comment: 'text',
  notes: 'text',
};

export type DurationField =
  | 'first_response_seconds'
  | 'resolution_seconds'
  | 'resolution_business_seconds'
  | 'talk_seconds'
  | 'hold_seconds'
  | 'wrap_seconds';

/** `days` = Excel time serial (fraction of a day). `auto` = seconds unless the cell is an Excel time. */
export type DurationUnit = 'auto' | 'seconds' | 'minutes' | 'hours' | 'days';
export type DateOrder = 'auto' | 'mdy' | 'dmy';

/** A column-to-field mapping; saved mappings store exactly this (import_mappings.mapping_json). */
export interface ImportMapping {
  /**
   * Dedupe namespace: UNIQUE(source, external_id). Stable per export kind (preset id), so
   * re-importing the same export updates rather than duplicates.
   */
  source: string;
  /** Preset this mapping started from (informational). */
  presetId?: string;
  /** field → header name as it appears in the file (matched case- and space-insensitively). */
  fields: Partial<Record<TargetField, string>>;
  units?: Partial<Record<DurationField, DurationUnit>>;
  /** Used when no channel column is mapped (a call-center export is all calls). */
  defaultChannel?: Channel;
  csatScale?: 'auto' | 5 | 10;
  cesScale?: 'auto' | 5 | 7;
}

export interface ImportOptions {
  /** How to read 03/04/2021. `auto` decides per file from unambiguous values, else by separator. */
  dateOrder: DateOrder;
  /**
   * IANA zone of the business: naive timestamps are read as local time there and `day` is the
   * local date. The handlers and the CLI pass the data file's business calendar zone.
   */
  timeZone: string;
  /**
   * Rows without any timestamp (the Kaggle export's open tickets) get this date (YYYY-MM-DD)
   * instead of being rejected. Unset = reject them.
   */
  fallbackDate?: string;
}

/**
 * For callers without a data file (bench, tests). The zone equals the calendar's default
 * (DEFAULT_KPI_SETTINGS, checked by a test): not imported, as it would pull zod into the parser worker.
 */
export const DEFAULT_IMPORT_OPTIONS: ImportOptions = { dateOrder: 'auto', timeZone: 'Europe/Berlin' };

/** One rejected cell or row, as shown in the validation report. Row numbers count the header as row 1. */
export interface RowIssue {
  row: number;
  column: string;
  value: string;
  reason: string;
}

/** The result of an import job (and of its dry run): what the wizard, the CLI and the bench report. */
export interface ImportReport {
  batchId: string | null;
  dryRun: boolean;
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  source: string;
  presetId: string | null;
  totalRows: number;
  inserted: number;
  updated: number;
  duplicates: number;
  rejected: number;
  /** The first 1,000 issues (MAX_LISTED_ISSUES); `rejectedReasons` keeps complete counts. */
  rejectedRows: RowIssue[];
  rejectedReasons: Array<{ column: string; reason: string; count: number }>;
  /** How leaving the rejected rows out shifts the flag rates (shared/import/bias.ts). */
  rateBias: RateBias[];
  agentsCreated: number;
  teamsCreated: number;
  customersCreated: number;
  assumptions: string[];
  dayRange: { from: string; to: string } | null;
  elapsedMs: number;
  /**
   * Where the time went (ms), for the benchmark: rows = parse + validate + insert (and the
   * yields between chunks); commit = writing the pages out at commit, plus the data file's
   * checkpoint when the store is file-backed.
   */
  timings: {
    open: number;
    rows: number;
    parse: number;
    validate: number;
    /** Entity ids and update targets, on the writer thread. */
    resolve?: number;
    /** Writer thread idle, waiting for the parser worker. */
    waitForParser?: number;
    /** Parse + validate ran in a worker thread, overlapped with insert. */
    parsedInWorker?: boolean;
    insert: number;
    indexes: number;
    derive: number;
    /** The KPI refresh read the new rows from memory: nothing else was in their days. */
    derivedFromImport?: boolean;
    commit: number;
  };
}
