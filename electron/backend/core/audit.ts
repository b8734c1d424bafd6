import type { BackendMethodName, MethodOutput, ParsedInput } from '../../../shared/ipc/contract';
import type { Handler } from '../handlers/types';
import { nowIso, type BackendContext } from './context';
import { loadProfile } from './profile';

/** Entities whose changes are kept in `audit_log` (reviews, forms, disputes, goals, coaching…). */
export type AuditEntity =
  | 'review_form'
  | 'review'
  | 'review_amendment'
  | 'dispute'
  | 'goal'
  | 'coaching'
  | 'performance_review'
  | 'calibration';

export interface AuditEntry {
  entityId: string;
  /** What happened, as a verb: created, updated, submitted, amended, archived… */
  action: string;
  before?: unknown;
  after?: unknown;
  /** Why, where the user gave a reason (amendments, dispute resolutions). */
  reason?: string;
}

/** Handed to an audited handler: every entry it records is written with its change, or not at all. */
export interface AuditTrail {
  record(entry: AuditEntry): void;
}

export type AuditedHandler<M extends BackendMethodName> = (
  input: ParsedInput<M>,
  ctx: BackendContext,
  audit: AuditTrail,
) => MethodOutput<M>;

const UNKNOWN_ACTOR = 'local user';

/** Who is making changes: the profile name, else a neutral placeholder. */
export function currentActor(ctx: Pick<BackendContext, 'db'>): string {
  return loadProfile(ctx).name ?? UNKNOWN_ACTOR;
}

/**
 * Declares at registration that a handler's changes are audited (like Actual's
 * `mutator(undoable(fn))`): the handler and its audit rows share ONE transaction, so a change that
 * rolls back leaves no audit row, and an audit row that cannot be written undoes the change.
 */
export function audited<M extends BackendMethodName>(
  entity: AuditEntity,
  handler: AuditedHandler<M>,
): Handler<M> {
  return (input, ctx) =>
    ctx.db.transaction(() => {
      const entries: AuditEntry[] = [];
      const value = handler(input, ctx, { record: (entry) => entries.push(entry) });
      const at = nowIso(ctx);
      const actor = currentActor(ctx);
      for (const entry of entries) writeAuditRow(ctx, entity, entry, at, actor);
      return value;
    });
}

function writeAuditRow(
  ctx: BackendContext,
  entity: AuditEntity,
  entry: AuditEntry,
  at: string,
  actor: string,
): void {
  const diff =
    entry.before === undefined && entry.after === undefined && entry.reason === undefined
      ? null
      : JSON.stringify({ before: entry.before ?? null, after: entry.after ?? null, reason: entry.reason });
  ctx.db.run(
    `INSERT INTO audit_log (at, actor, entity, entity_id, action, diff_json) VALUES (?, ?, ?, ?, ?, ?)`,
    [at, actor, entity, entry.entityId, entry.action, diff],
  );
}

export interface AuditRow {
  at: string;
  actor: string;
  entity: string;
  entityId: string;
  action: string;
  diff: { before: unknown; after: unknown; reason?: string } | null;
}

/** An entity's history, oldest first. */
export function auditHistory(
  ctx: Pick<BackendContext, 'db'>,
  entity: AuditEntity,
  entityId: string,
): AuditRow[] {
  return ctx.db
    .all<{
      at: string;
      actor: string;
      entity: string;
      entityId: string;
      action: string;
      diff: string | null;
    }>(
      `SELECT at, actor, entity, entity_id AS entityId, action, diff_json AS diff FROM audit_log
        WHERE entity = ? AND entity_id = ? ORDER BY at, id`,
      [entity, entityId],
    )
    .map((r) => ({ ...r, diff: r.diff === null ? null : (JSON.parse(r.diff) as AuditRow['diff']) }));
}
