import type { SqlValue } from 'sql.js';
import type {
  InteractionDetail,
  InteractionFacets,
  InteractionFilters,
  InteractionPage,
  InteractionRow,
  InteractionSort,
} from '../../../shared/ipc/contracts/interactions';
import { CHANNELS, type Channel } from '../../../shared/domain/types';
import { UserFacingError } from '../../../shared/ipc/result';
import { visibleReviewCondition } from '../calibration/blind';
import type { Db } from '../db/database';
import {
  buildCountQuery,
  buildIdQuery,
  ROW_COLUMNS,
  ROW_FROM,
  stableKey,
  supportsKeyset,
  type KeysetAnchor,
} from './query';

/**
 * Per-database caches for counts and keyset anchors. Their key includes a data version, so any
 * write (or a reopen of the sql.js handle, which resets `total_changes()`) invalidates them.
 */
interface DbCache {
  generation: number;
  counts: Map<string, number>;
  /** filter+sort key → (row offset → key of the row just before it). */
  anchors: Map<string, Map<number, KeysetAnchor>>;
}

const caches = new WeakMap<Db, DbCache>();
const MAX_COUNT_ENTRIES = 64;
const MAX_ANCHOR_SETS = 16;
const MAX_ANCHORS_PER_SET = 20_000;

function cacheFor(db: Db): DbCache {
  let cache = caches.get(db);
  if (!cache) {
    const created: DbCache = { generation: 0, counts: new Map(), anchors: new Map() };
    db.onReopen(() => {
      created.generation += 1;
    });
    caches.set(db, created);
    cache = created;
  }
  return cache;
}

function dataVersion(db: Db, cache: DbCache): string {
  const changes = db.get<{ n: number }>('SELECT total_changes() AS n')?.n ?? 0;
  return `${cache.generation}:${changes}`;
}

function remember<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
}

const bool = (value: SqlValue): boolean | null => (value === null ? null : value === 1);
const num = (value: SqlValue): number | null => (typeof value === 'number' ? value : null);
const str = (value: SqlValue): string | null => (typeof value === 'string' ? value : null);

type RawRow = Record<string, SqlValue>;

function toRow(raw: RawRow): InteractionRow {
  return {
    id: raw.id as number,
    startedAt: raw.startedAt as string,
    day: raw.day as string,
    channel: raw.channel as Channel,
    agentId: str(raw.agentId ?? null),
    agentName: str(raw.agentName ?? null),
    teamName: str(raw.teamName ?? null),
    topic: str(raw.topic ?? null),
    subject: str(raw.subject ?? null),
    status: str(raw.status ?? null),
    answered: bool(raw.answered ?? null),
    abandoned: bool(raw.abandoned ?? null),
    resolved: bool(raw.resolved ?? null),
    escalated: bool(raw.escalated ?? null),
    fcr: bool(raw.fcr ?? null),
    talkSeconds: num(raw.talkSeconds ?? null),
    holdSeconds: num(raw.holdSeconds ?? null),
    wrapSeconds: num(raw.wrapSeconds ?? null),
    handleSeconds: num(raw.handleSeconds ?? null),
    firstResponseSeconds: num(raw.firstResponseSeconds ?? null),
    resolutionSeconds: num(raw.resolutionSeconds ?? null),
    csat: num(raw.csat ?? null),
    csatScale: num(raw.csatScale ?? null),
    nps: num(raw.nps ?? null),
  };
}

export function countInteractions(db: Db, filters: InteractionFilters): number {
  const cache = cacheFor(db);
  const key = `${dataVersion(db, cache)}|${stableKey(filters)}`;
  const cached = cache.counts.get(key);
  if (cached !== undefined) return cached;
  const { sql, params } = buildCountQuery(filters);
  const total = db.get<{ n: number }>(sql, params)?.n ?? 0;
  remember(cache.counts, key, total, MAX_COUNT_ENTRIES);
  return total;
}

export interface QueryInput {
  filters: InteractionFilters;
  sort: InteractionSort;
  offset: number;
  limit: number;
}

/**
 * One window of the filtered, sorted table. Ids are found first (an index-only walk for the default
 * sort), then only those rows are read. For the started_at and id sorts, the key of the last row of
 * every window served is remembered, so the next window seeks from it instead of skipping `offset`
 * rows: scrolling stays fast deep into a million rows. A jump to a far, unseen offset pays the skip.
 */
export function queryInteractions(db: Db, input: QueryInput): InteractionPage {
  const { filters, sort, offset, limit } = input;
  const cache = cacheFor(db);
  const version = dataVersion(db, cache);
  const total = countInteractions(db, filters);
  if (offset >= total) return { rows: [], total, offset };

  const anchorKey = `${version}|${stableKey(filters)}|${sort.column}|${sort.direction}`;
  let anchors = cache.anchors.get(anchorKey);
  let anchorAt = 0;
  let anchor: KeysetAnchor | undefined;
  if (supportsKeyset(sort) && anchors) {
    for (const [at, candidate] of anchors) {
      if (at <= offset && at > anchorAt) {
        anchorAt = at;
        anchor = candidate;
      }
    }
  }
  const idQuery = buildIdQuery(filters, sort, {
    offset: offset - anchorAt,
    limit,
    ...(anchor ? { anchor } : {}),
  });
  const keys = db.values(idQuery.sql, idQuery.params);
  if (keys.length === 0) return { rows: [], total, offset };

  if (supportsKeyset(sort)) {
    const last = keys[keys.length - 1];
    if (last) {
      if (!anchors) {
        anchors = new Map();
        remember(cache.anchors, anchorKey, anchors, MAX_ANCHOR_SETS);
      }
      if (anchors.size < MAX_ANCHORS_PER_SET) {
        anchors.set(offset + keys.length, { id: last[0] as number, value: last[1] as string | number });
      }
    }
  }

  const ids = keys.map((key) => key[0] as number);
  const placeholders = ids.map(() => '?').join(', ');
  const raw = db.all<RawRow>(`SELECT ${ROW_COLUMNS} ${ROW_FROM} WHERE i.id IN (${placeholders})`, ids);
  const byId = new Map(raw.map((row) => [row.id as number, row]));
  const rows: InteractionRow[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row) rows.push(toRow(row));
  }
  return { rows, total, offset };
}

export function getInteraction(db: Db, id: number): InteractionDetail {
  const raw = db.get<RawRow>(
    `SELECT ${ROW_COLUMNS}, i.source AS source, i.external_id AS externalId, coalesce(i.team_id, a.team_id) AS teamId,
            i.customer_id AS customerId, c.name AS customerName, c.external_ref AS customerRef,
            i.priority AS priority, i.first_response_at AS firstResponseAt, i.resolved_at AS resolvedAt,
            i.resolution_business_seconds AS resolutionBusinessSeconds, i.repeat_contact AS repeatContact,
            i.ces_score AS cesScore, i.ces_scale AS cesScale, i.is_complaint AS isComplaint,
            i.escalation_level AS escalationLevel, i.complaint_category AS complaintCategory,
            i.complaint_details AS complaintDetails, i.cross_sell_eligible AS crossSellEligible,
            i.cross_sell_offered AS crossSellOffered, i.cross_sell_converted AS crossSellConverted,
            i.customer_comment AS customerComment, i.sentiment AS sentiment, i.notes AS notes,
            i.import_batch_id AS importBatchId, b.file_name AS importFileName,
            i.created_at AS createdAt, i.updated_at AS updatedAt
       ${ROW_FROM}
       LEFT JOIN customers c ON c.id = i.customer_id
       LEFT JOIN import_batches b ON b.id = i.import_batch_id
      WHERE i.id = ?`,
    [id],
  );
  if (!raw) throw new UserFacingError('not_found', `Interaction ${id} does not exist.`);
  // Another evaluator's blind calibration review must not show its score here before the reveal.
  const visible = visibleReviewCondition({ db }, 'r');
  const reviews = db
    .all<{
      id: string;
      evaluator: string;
      status: 'draft' | 'submitted';
      score: number | null;
      failedCritical: number;
      reviewedAt: string | null;
    }>(
      `SELECT id, evaluator, status, score, failed_critical AS failedCritical, reviewed_at AS reviewedAt
         FROM reviews r WHERE interaction_id = ? AND ${visible.sql} ORDER BY coalesce(reviewed_at, created_at) DESC`,
      [id, ...visible.params],
    )
    .map((review) => ({ ...review, failedCritical: review.failedCritical === 1 }));
  const sentiment = num(raw.sentiment ?? null);
  return {
    ...toRow(raw),
    source: raw.source as string,
    externalId: str(raw.externalId ?? null),
    teamId: str(raw.teamId ?? null),
    customerId: str(raw.customerId ?? null),
    customerName: str(raw.customerName ?? null),
    customerRef: str(raw.customerRef ?? null),
    priority: str(raw.priority ?? null),
    firstResponseAt: str(raw.firstResponseAt ?? null),
    resolvedAt: str(raw.resolvedAt ?? null),
    resolutionBusinessSeconds: num(raw.resolutionBusinessSeconds ?? null),
    repeatContact: bool(raw.repeatContact ?? null),
    cesScore: num(raw.cesScore ?? null),
    cesScale: num(raw.cesScale ?? null),
    isComplaint: bool(raw.isComplaint ?? null),
    escalationLevel: str(raw.escalationLevel ?? null),
    complaintCategory: str(raw.complaintCategory ?? null),
    complaintDetails: str(raw.complaintDetails ?? null),
    crossSellEligible: bool(raw.crossSellEligible ?? null),
    crossSellOffered: bool(raw.crossSellOffered ?? null),
    crossSellConverted: bool(raw.crossSellConverted ?? null),
    customerComment: str(raw.customerComment ?? null),
    sentiment: sentiment === -1 || sentiment === 0 || sentiment === 1 ? sentiment : null,
    notes: str(raw.notes ?? null),
    importBatchId: str(raw.importBatchId ?? null),
    importFileName: str(raw.importFileName ?? null),
    createdAt: raw.createdAt as string,
    updatedAt: raw.updatedAt as string,
    reviews,
  };
}

/**
 * Filter choices. Every read here is index-backed (min/max on started_at) or on small tables;
 * channels are the fixed list because finding the distinct ones would scan every interaction.
 */
export function getInteractionFacets(db: Db): InteractionFacets {
  const agents = db
    .all<{ id: string; name: string; teamId: string | null; active: number }>(
      'SELECT id, name, team_id AS teamId, active FROM agents ORDER BY name',
    )
    .map((agent) => ({ ...agent, active: agent.active === 1 }));
  const teams = db.all<{ id: string; name: string }>('SELECT id, name FROM teams ORDER BY name');
  const first = db.get<{ day: string }>('SELECT day FROM interactions ORDER BY started_at ASC LIMIT 1');
  const last = db.get<{ day: string }>('SELECT day FROM interactions ORDER BY started_at DESC LIMIT 1');
  return {
    agents,
    teams,
    channels: [...CHANNELS],
    dayRange: first && last ? { from: first.day, to: last.day } : null,
  };
}
