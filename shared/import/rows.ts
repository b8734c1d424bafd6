/**
 * Turns one row of cells into interaction column values, with a reason for every cell that cannot
 * be accepted. Pure (no Node APIs) so the renderer's preview shows exactly what the import does.
 * `compileMapping` does all per-file work once (header lookup, date order, score scales); the
 * per-row `process` then writes into a reused array to keep a million-row import cheap.
 */
import {
  cellText,
  clip,
  detectDateOrder,
  detectScale,
  isFail,
  parseCes,
  parseChannel,
  parseCsat,
  parseDateTime,
  parseDuration,
  parseFlag,
  parseNps,
  parseText,
  parseTimeOfDay,
  utcToWall,
  wallToUtc,
  type DateTimeValue,
  type ParseFail,
  type RawCell,
} from './parse';
import { ALL_OUT_COLUMNS, type OutColumn } from './columns';
import { normalizeHeader } from './presets';
import {
  FIELD_KINDS,
  TARGET_FIELDS,
  type DateOrder,
  type DurationField,
  type ImportMapping,
  type ImportOptions,
  type RowIssue,
  type TargetField,
} from './types';

export type SqlCell = string | number | null;
export { ALL_OUT_COLUMNS, type OutColumn } from './columns';

export class MappingError extends Error {
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'MappingError';
  }
}

export interface CompiledMapping {
  columns: OutColumn[];
  /** Index of each output column in `columns` (or -1). */
  index: Record<OutColumn, number>;
  /** field → index of its column in the file. */
  cellIndex: Partial<Record<TargetField, number>>;
  dateOrder: 'mdy' | 'dmy' | null;
  csatScale: 5 | 10 | null;
  cesScale: 5 | 7 | null;
  /** Human-readable decisions taken for this file (shown in preview and report). */
  assumptions: string[];
  /** Fills `out` (length = columns.length). Returns the row's issues, or null when accepted. */
  process(cells: RawCell[], row: number, out: SqlCell[], stats: RowStats): RowIssue[] | null;
}

/** Counters of decisions taken row by row (reported as assumptions with counts). */
export interface RowStats {
  startedFromFallback: number;
  /** Rows with no time at all that start on the date of the `started_fallback` column. */
  startedFromDateColumn: number;
  startedFromDefaultDate: number;
  resolvedBeforeFirstResponse: number;
  abandonedZeroTalkNulled: number;
  formulaTextKept: number;
}

export const emptyRowStats = (): RowStats => ({
  startedFromFallback: 0,
  startedFromDateColumn: 0,
  startedFromDefaultDate: 0,
  resolvedBeforeFirstResponse: 0,
  abandonedZeroTalkNulled: 0,
  formulaTextKept: 0,
});

const DIRECT_TEXT: Partial<Record<TargetField, OutColumn>> = {
  topic: 'topic',
  subject: 'subject',
  priority: 'priority',
  status: 'status',
  escalation_level: 'escalation_level',
  complaint_category: 'complaint_category',
  complaint_details: 'complaint_details',
  customer_comment: 'customer_comment',
  notes: 'notes',
  customer_name: 'customer_name',
  customer_email: 'customer_email',
};
const DIRECT_FLAG: Partial<Record<TargetField, OutColumn>> = {
  fcr: 'fcr',
  is_complaint: 'is_complaint',
  escalated: 'escalated',
  cross_sell_eligible: 'cross_sell_eligible',
  cross_sell_offered: 'cross_sell_offered',
  cross_sell_converted: 'cross_sell_converted',
};
const DURATIONS: DurationField[] = [
  'first_response_seconds',
  'resolution_seconds',
  'resolution_business_seconds',
  'talk_seconds',
  'hold_seconds',
  'wrap_seconds',
];
const ZEROED_WHEN_ABANDONED: OutColumn[] = ['talk_seconds', 'hold_seconds', 'wrap_seconds'];

const RESOLVED_STATUSES = new Set(['solved', 'closed', 'resolved', 'done', 'completed', 'complete', 'fixed']);
const OPEN_STATUSES = new Set([
  'open',
  'new',
  'pending',
  'hold',
  'on-hold',
  'on hold',
  'in progress',
  'pending customer response',
  'waiting',
  'escalated',
  'reopened',
]);

/** Finds each mapped header in the file (case/spacing-insensitive). Throws MappingError when one is missing. */
export function resolveColumns(
  headers: string[],
  mapping: ImportMapping,
): Partial<Record<TargetField, number>> {
  const normalised = headers.map(normalizeHeader);
  const cellIndex: Partial<Record<TargetField, number>> = {};
  const missing: string[] = [];
  for (const field of TARGET_FIELDS) {
    const header = mapping.fields[field];
    if (header === undefined || header === '') continue;
    let i = headers.indexOf(header);
    if (i < 0) i = normalised.indexOf(normalizeHeader(header));
    if (i < 0) missing.push(`"${header}" (for ${field})`);
    else cellIndex[field] = i;
  }
  if (missing.length > 0) {
    throw new MappingError(
      `The file has no column ${missing.join(', ')}. Its columns are: ${headers.map((h) => `"${clip(h, 30)}"`).join(', ')}.`,
      { missing, headers },
    );
  }
  return cellIndex;
}

export function compileMapping(
  headers: string[],
  mapping: ImportMapping,
  options: ImportOptions,
  samples: RawCell[][],
): CompiledMapping {
  const cellIndex = resolveColumns(headers, mapping);
  const has = (field: TargetField) => cellIndex[field] !== undefined;
  const hasAnyDate = (['started_at', 'first_response_at', 'resolved_at', 'started_fallback'] as const).some(
    has,
  );
  if (!hasAnyDate && !options.fallbackDate) {
    throw new MappingError(
      `No date column is mapped. Map "started_at" to the column with the creation or call date (columns: ${headers
        .map((h) => `"${clip(h, 30)}"`)
        .join(', ')}).`,
      { headers },
    );
  }
  const assumptions: string[] = [];
  const sampleOf = (field: TargetField): RawCell[] => {
    const i = cellIndex[field];
    return i === undefined ? [] : samples.map((row) => row[i]);
  };

  // Day/month order, settled once per file from every date column's sample.
  let dateOrder: 'mdy' | 'dmy' | null = options.dateOrder === 'auto' ? null : options.dateOrder;
  if (options.dateOrder === 'auto') {
    const detected = detectDateOrder(
      (['started_at', 'first_response_at', 'resolved_at', 'started_fallback'] as const).flatMap((f) =>
        sampleOf(f),
      ),
    );
    dateOrder = detected.order;
    if (detected.order)
      assumptions.push(
        `Dates read as ${detected.order === 'dmy' ? 'day/month/year' : 'month/day/year'} (detected from the values).`,
      );
  }
  const order: DateOrder = dateOrder ?? 'auto';

  let csatScale: 5 | 10 | null = null;
  if (has('csat')) {
    const setting = mapping.csatScale ?? 'auto';
    csatScale = setting === 'auto' ? (detectScale(sampleOf('csat'), 5, 10) as 5 | 10) : setting;
    assumptions.push(
      `CSAT is on a 1–${csatScale} scale${setting === 'auto' ? ' (detected from the values)' : ''}.`,
    );
  }
  let cesScale: 5 | 7 | null = null;
  if (has('ces')) {
    const setting = mapping.cesScale ?? 'auto';
    cesScale = setting === 'auto' ? (detectScale(sampleOf('ces'), 5, 7) as 5 | 7) : setting;
  }
  const headerOf = (field: TargetField) => headers[cellIndex[field] ?? -1] ?? field;
  if (!has('started_at')) {
    const fallbacks = [
      ...(has('started_fallback') ? [`the date in "${headerOf('started_fallback')}"`] : []),
      ...(options.fallbackDate ? [options.fallbackDate] : []),
    ];
    assumptions.push(
      `The file has no creation timestamp: started_at is the first response time, else the resolution time${
        fallbacks.length > 0 ? `, else ${fallbacks.join(', else ')}` : '; rows with neither are rejected'
      }. Response and resolution durations are not computed from these timestamps.`,
    );
  }

  const columns: OutColumn[] = ['external_id', 'channel', 'started_at', 'day'];
  const add = (c: OutColumn) => {
    if (!columns.includes(c)) columns.push(c);
  };
  if (has('agent')) add('agent_name');
  if (has('team')) add('team_name');
  if (has('customer_ref')) add('customer_ref');
  for (const [field, col] of Object.entries(DIRECT_TEXT) as Array<[TargetField, OutColumn]>)
    if (has(field)) add(col);
  if (has('answered')) add('answered');
  if (has('answered') || has('abandoned')) add('abandoned');
  if (has('resolved') || has('status') || has('resolved_at')) add('resolved');
  if (has('first_response_at')) add('first_response_at');
  if (has('resolved_at')) add('resolved_at');
  const realStart = has('started_at');
  if (has('first_response_seconds') || (realStart && has('first_response_at'))) add('first_response_seconds');
  if (has('resolution_seconds') || (realStart && has('resolved_at'))) add('resolution_seconds');
  for (const field of DURATIONS) if (has(field)) add(field);
  for (const [field, col] of Object.entries(DIRECT_FLAG) as Array<[TargetField, OutColumn]>)
    if (has(field)) add(col);
  if (has('csat')) {
    add('csat_score');
    add('csat_scale');
  }
  if (has('nps')) add('nps_score');
  if (has('ces')) {
    add('ces_score');
    add('ces_scale');
  }
  const index = {} as Record<OutColumn, number>;
  for (const c of ALL_OUT_COLUMNS) index[c] = columns.indexOf(c);

  const units = mapping.units ?? {};
  const zone = options.timeZone;
  const utc = zone === 'UTC';
  const defaultChannel = mapping.defaultChannel ?? 'other';
  const fallbackMs = options.fallbackDate ? parseDateTime(options.fallbackDate, 'mdy') : null;
  const fallback = fallbackMs && !isFail(fallbackMs) ? fallbackMs : null;
  if (options.fallbackDate && !fallback) {
    throw new MappingError(`The fallback date "${options.fallbackDate}" is not a date (use YYYY-MM-DD).`);
  }

  // Everything a row needs is settled here, once per file: cell positions (-1 = not mapped),
  // header names for issues and output positions. `process` below creates no closure per row: the
  // build keeps function names, so each per-row closure also costs a defineProperty.
  const at = (field: TargetField) => cellIndex[field] ?? -1;
  const extCi = at('external_id');
  const extHeader = headerOf('external_id');
  const channelCi = at('channel');
  const agentCi = at('agent');
  const teamCi = at('team');
  const customerRefCi = at('customer_ref');
  const startCi = at('started_at');
  const startHeader = headerOf('started_at');
  const startTimeCi = at('started_time');
  const startTimeHeader = headerOf('started_time');
  const offeredCi = at('started_fallback');
  const offeredHeader = headerOf('started_fallback');
  const frCi = at('first_response_at');
  const frHeader = headerOf('first_response_at');
  const resCi = at('resolved_at');
  const resHeader = headerOf('resolved_at');
  const answeredCi = at('answered');
  const answeredHeader = headerOf('answered');
  const abandonedCi = at('abandoned');
  const abandonedHeader = headerOf('abandoned');
  const resolvedCi = at('resolved');
  const resolvedHeader = headerOf('resolved');
  const hasStatus = has('status');
  const hasFrSeconds = has('first_response_seconds');
  const hasResSeconds = has('resolution_seconds');
  const csatCi = at('csat');
  const npsCi = at('nps');
  const cesCi = at('ces');
  const textFields = (Object.keys(DIRECT_TEXT) as TargetField[]).filter(has);
  const textAt = textFields.map((f) => index[DIRECT_TEXT[f] as OutColumn]);
  const textCi = textFields.map(at);
  const flagFields = (Object.keys(DIRECT_FLAG) as TargetField[]).filter(has);
  const flagAt = flagFields.map((f) => index[DIRECT_FLAG[f] as OutColumn]);
  const flagCi = flagFields.map(at);
  const flagHeader = flagFields.map(headerOf);
  const durationFields = DURATIONS.filter(has);
  const durationAt = durationFields.map((f) => index[f]);
  const durationCi = durationFields.map(at);
  const durationHeader = durationFields.map(headerOf);
  const durationUnit = durationFields.map((f) => units[f] ?? 'auto');
  const zeroedAt = ZEROED_WHEN_ABANDONED.map((c) => index[c]).filter((i) => i >= 0);

  // Exports repeat a few channel names and, in non-ISO formats, the same dates row after row.
  // Bounded caches: a file of unique values only pays a lookup.
  const channelCache = new Map<string, SqlCell>();
  const channelOf = (raw: RawCell): SqlCell => {
    if (typeof raw !== 'string') return parseChannel(raw) ?? defaultChannel;
    let channel = channelCache.get(raw);
    if (channel === undefined) {
      channel = parseChannel(raw) ?? defaultChannel;
      if (channelCache.size < 1000) channelCache.set(raw, channel);
    }
    return channel;
  };
  const dateCache = new Map<string, DateTimeValue | ParseFail | null>();
  const readDate = (raw: RawCell): DateTimeValue | ParseFail | null => {
    // ISO text has a cheap fast path of its own and is mostly unique: not worth a cache entry.
    if (typeof raw !== 'string' || (raw.charCodeAt(4) === 45 && raw.charCodeAt(7) === 45))
      return parseDateTime(raw, order);
    let value = dateCache.get(raw);
    if (value === undefined) {
      value = parseDateTime(raw, order);
      if (dateCache.size >= 4096) dateCache.clear();
      dateCache.set(raw, value);
    }
    return value;
  };

  // Rows of an export mostly come day by day: the last day's text is reused.
  let lastDay = NaN;
  let lastDayText = '';
  const dayOf = (wallMs: number): string => {
    const day = Math.floor(wallMs / 86_400_000);
    if (day !== lastDay) {
      lastDay = day;
      lastDayText = new Date(day * 86_400_000).toISOString().slice(0, 10);
    }
    return lastDayText;
  };

  function process(cells: RawCell[], row: number, out: SqlCell[], stats: RowStats): RowIssue[] | null {
    let issues: RowIssue[] | null = null;
    out.fill(null);

    if (extCi >= 0) {
      const raw = cells[extCi];
      const id = parseText(raw);
      if (id === null) issues = pushIssue(issues, row, extHeader, raw, 'the id is empty');
      out[0] = id;
    }
    out[1] = channelCi >= 0 ? channelOf(cells[channelCi]) : defaultChannel;

    for (let k = 0; k < textAt.length; k++) {
      const text = parseText(cells[textCi[k] as number]);
      if (text !== null && looksLikeFormula(text)) stats.formulaTextKept++;
      out[textAt[k] as number] = text;
    }
    if (agentCi >= 0) out[index.agent_name] = parseText(cells[agentCi]);
    if (teamCi >= 0) out[index.team_name] = parseText(cells[teamCi]);
    if (customerRefCi >= 0) out[index.customer_ref] = parseText(cells[customerRefCi]);

    // Timestamps.
    let start: DateTimeValue | null = null;
    if (startCi >= 0) {
      const raw = cells[startCi];
      const value = readDate(raw);
      if (isFail(value)) issues = pushIssue(issues, row, startHeader, raw, value.reason);
      else start = value;
    }
    if (start !== null && !start.hasTime && startTimeCi >= 0) {
      const raw = cells[startTimeCi];
      const seconds = parseTimeOfDay(raw);
      if (isFail(seconds)) issues = pushIssue(issues, row, startTimeHeader, raw, seconds.reason);
      else if (seconds !== null) start = { ms: start.ms + seconds * 1000, zoned: false, hasTime: true };
    }
    let frUtc: number | null = null;
    if (frCi >= 0) {
      const raw = cells[frCi];
      const value = readDate(raw);
      if (isFail(value)) issues = pushIssue(issues, row, frHeader, raw, value.reason);
      else if (value !== null) frUtc = toUtc(value, zone);
    }
    let resUtc: number | null = null;
    if (resCi >= 0) {
      const raw = cells[resCi];
      const value = readDate(raw);
      if (isFail(value)) issues = pushIssue(issues, row, resHeader, raw, value.reason);
      else if (value !== null) resUtc = toUtc(value, zone);
    }
    let startUtc: number | null = start ? toUtc(start, zone) : null;
    const startIsReal = startUtc !== null;
    if (startUtc === null && !(issues !== null && hasIssueIn(issues, startHeader))) {
      const offered = offeredCi >= 0 && frUtc === null && resUtc === null ? readDate(cells[offeredCi]) : null;
      if (frUtc !== null || resUtc !== null) {
        startUtc = frUtc ?? resUtc;
        stats.startedFromFallback++;
      } else if (isFail(offered)) {
        issues = pushIssue(issues, row, offeredHeader, cells[offeredCi], offered.reason);
      } else if (offered !== null) {
        startUtc = toUtc(offered, zone);
        stats.startedFromDateColumn++;
      } else if (fallback) {
        startUtc = wallToUtc(fallback.ms, zone);
        stats.startedFromDefaultDate++;
      } else {
        (issues ??= []).push({
          row,
          column: startHeader,
          value: startCi >= 0 ? clip(cellText(cells[startCi]), 80) : '',
          reason: 'no date: the row has no start, first-response or resolution time',
        });
      }
    }
    if (startUtc !== null) {
      const iso = new Date(startUtc).toISOString();
      out[2] = iso;
      out[3] = dayOf(utc ? startUtc : utcToWall(startUtc, zone));
    }
    if (frUtc !== null) out[index.first_response_at] = new Date(frUtc).toISOString();
    if (resUtc !== null) out[index.resolved_at] = new Date(resUtc).toISOString();
    if (frUtc !== null && resUtc !== null && resUtc < frUtc) stats.resolvedBeforeFirstResponse++;

    // Flags.
    for (let k = 0; k < flagAt.length; k++) {
      const raw = cells[flagCi[k] as number];
      const flag = parseFlag(raw);
      if (isFail(flag)) issues = pushIssue(issues, row, flagHeader[k] as string, raw, flag.reason);
      else out[flagAt[k] as number] = flag;
    }
    let answered: 0 | 1 | null = null;
    if (answeredCi >= 0) {
      const raw = cells[answeredCi];
      const flag = parseFlag(raw);
      if (isFail(flag)) issues = pushIssue(issues, row, answeredHeader, raw, flag.reason);
      else answered = flag;
      out[index.answered] = answered;
    }
    let abandoned: 0 | 1 | null = null;
    if (abandonedCi >= 0) {
      const raw = cells[abandonedCi];
      const flag = parseFlag(raw);
      if (isFail(flag)) issues = pushIssue(issues, row, abandonedHeader, raw, flag.reason);
      else abandoned = flag;
    } else if (answered !== null) {
      abandoned = answered === 0 ? 1 : 0;
    }
    if (index.abandoned >= 0) out[index.abandoned] = abandoned;
    if (index.resolved >= 0) {
      let resolved: 0 | 1 | null = null;
      if (resolvedCi >= 0) {
        const raw = cells[resolvedCi];
        const flag = parseFlag(raw);
        if (isFail(flag)) issues = pushIssue(issues, row, resolvedHeader, raw, flag.reason);
        else resolved = flag;
      } else if (hasStatus) {
        const status = out[index.status];
        const key = typeof status === 'string' ? status.toLowerCase() : '';
        resolved = RESOLVED_STATUSES.has(key) ? 1 : OPEN_STATUSES.has(key) ? 0 : resUtc !== null ? 1 : null;
      } else {
        resolved = resUtc !== null ? 1 : 0;
      }
      out[index.resolved] = resolved;
    }

    // Durations.
    for (let k = 0; k < durationAt.length; k++) {
      const raw = cells[durationCi[k] as number];
      const seconds = parseDuration(raw, durationUnit[k]);
      if (isFail(seconds)) issues = pushIssue(issues, row, durationHeader[k] as string, raw, seconds.reason);
      else out[durationAt[k] as number] = seconds;
    }
    if (startIsReal && startUtc !== null) {
      if (!hasFrSeconds && frUtc !== null && frUtc >= startUtc) {
        out[index.first_response_seconds] = (frUtc - startUtc) / 1000;
      }
      if (!hasResSeconds && resUtc !== null && resUtc >= startUtc) {
        out[index.resolution_seconds] = (resUtc - startUtc) / 1000;
      }
    }
    // An abandoned call has no talk time: exports write 0 (the PwC CSV) and an average that
    // includes those zeros would be wrong, so 0 on an abandoned row is stored as "no value".
    if (abandoned === 1) {
      for (let k = 0; k < zeroedAt.length; k++) {
        const i = zeroedAt[k] as number;
        if (out[i] === 0) {
          out[i] = null;
          stats.abandonedZeroTalkNulled++;
        }
      }
    }

    // Scores.
    if (csatScale !== null) {
      const raw = cells[csatCi];
      const score = parseCsat(raw, csatScale);
      if (isFail(score))
        issues = pushIssue(
          issues,
          row,
          headerOf('csat'),
          raw,
          csatScaleHint(score.reason, csatScale, mapping),
        );
      else if (score !== null) {
        out[index.csat_score] = score;
        out[index.csat_scale] = csatScale;
      }
    }
    if (npsCi >= 0) {
      const raw = cells[npsCi];
      const score = parseNps(raw);
      if (isFail(score)) issues = pushIssue(issues, row, headerOf('nps'), raw, score.reason);
      else out[index.nps_score] = score;
    }
    if (cesScale !== null) {
      const raw = cells[cesCi];
      const score = parseCes(raw, cesScale);
      if (isFail(score)) issues = pushIssue(issues, row, headerOf('ces'), raw, score.reason);
      else if (score !== null) {
        out[index.ces_score] = score;
        out[index.ces_scale] = cesScale;
      }
    }
    return issues;
  }

  return { columns, index, cellIndex, dateOrder, csatScale, cesScale, assumptions, process };
}

function pushIssue(
  issues: RowIssue[] | null,
  row: number,
  column: string,
  raw: RawCell,
  reason: string,
): RowIssue[] {
  const list = issues ?? [];
  list.push({ row, column, value: clip(cellText(raw), 80), reason });
  return list;
}

function hasIssueIn(issues: RowIssue[], column: string): boolean {
  for (const issue of issues) if (issue.column === column) return true;
  return false;
}

const toUtc = (v: DateTimeValue, zone: string) => (v.zoned ? v.ms : wallToUtc(v.ms, zone));

/** Text starting with = + - @ that is not a negative number (counted for the report). */
function looksLikeFormula(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c === 45) {
    const d = text.charCodeAt(1);
    return !(d >= 48 && d <= 57);
  }
  return c === 61 || c === 43 || c === 64;
}

function csatScaleHint(reason: string, scale: 5 | 10, mapping: ImportMapping): string {
  return scale === 5 && (mapping.csatScale ?? 'auto') === 'auto' && /outside/.test(reason)
    ? `${reason} (scale detected from the first rows; choose the 1–10 scale if the file uses it)`
    : reason;
}

/** Fields whose kind is a timestamp but the sample holds durations, or vice versa, are swapped. */
export function refineMapping(
  headers: string[],
  mapping: ImportMapping,
  samples: RawCell[][],
): ImportMapping {
  const pairs: Array<[TargetField, TargetField]> = [
    ['first_response_seconds', 'first_response_at'],
    ['resolution_seconds', 'resolved_at'],
  ];
  const fields = { ...mapping.fields };
  const normalised = headers.map(normalizeHeader);
  for (const [durationField, timestampField] of pairs) {
    const header = fields[durationField];
    if (!header || fields[timestampField]) continue;
    const i = normalised.indexOf(normalizeHeader(header));
    if (i < 0) continue;
    let timestamps = 0;
    let durations = 0;
    for (const row of samples) {
      const raw = row[i];
      if (raw === null || raw === undefined || raw === '') continue;
      if (FIELD_KINDS[durationField] === 'duration' && typeof parseDuration(raw) === 'number') durations++;
      else {
        const when = parseDateTime(raw, 'auto');
        if (when && !isFail(when) && when.hasTime) timestamps++;
      }
    }
    if (timestamps > durations) {
      delete fields[durationField];
      fields[timestampField] = header;
    }
  }
  return { ...mapping, fields };
}
