import path from 'node:path';
import type { PacketFile } from '../../../shared/calibration/files';
import type {
  CalibrationPacketDetail,
  CalibrationPacketOpened,
  CalibrationPacketSummary,
} from '../../../shared/ipc/contracts/calibrationPacket';
import { UserFacingError } from '../../../shared/ipc/result';
import { currentActor, type AuditTrail } from '../core/audit';
import { nowIso, type BackendContext } from '../core/context';
import { loadProfile } from '../core/profile';
import { parsePacket, readChosenFile } from './fileRead';

type Ctx = Pick<BackendContext, 'db'>;

export interface StoredPacket {
  sessionId: string;
  contentHash: string;
  openedAt: string;
  file: PacketFile;
}

export function loadPacket(ctx: Ctx, sessionId: string): StoredPacket {
  const row = ctx.db.get<{ json: string; hash: string; openedAt: string }>(
    'SELECT packet_json AS json, content_hash AS hash, opened_at AS openedAt FROM calibration_packets WHERE session_id = ?',
    [sessionId],
  );
  if (!row) throw new UserFacingError('not_found', 'That calibration packet is not open in this copy.');
  return {
    sessionId,
    contentHash: row.hash,
    openedAt: row.openedAt,
    file: JSON.parse(row.json) as PacketFile,
  };
}

function myProgress(ctx: Ctx, sessionId: string, me: string | null) {
  if (me === null) return { submitted: 0, drafts: 0 };
  const row = ctx.db.get<{ submitted: number | null; drafts: number | null }>(
    `SELECT sum(status = 'submitted') AS submitted, sum(status = 'draft') AS drafts FROM calibration_packet_reviews
      WHERE session_id = ? AND evaluator = ?`,
    [sessionId, me],
  );
  return { submitted: row?.submitted ?? 0, drafts: row?.drafts ?? 0 };
}

export function packetSummary(ctx: Ctx, packet: StoredPacket): CalibrationPacketSummary {
  const { file } = packet;
  const me = loadProfile(ctx).name;
  return {
    sessionId: packet.sessionId,
    name: file.session.name,
    formName: file.form.definition.name,
    formVersion: file.form.version,
    interactionCount: file.interactions.length,
    evaluators: file.session.evaluators,
    exportedBy: file.session.exportedBy,
    exportedAt: file.session.exportedAt,
    openedAt: packet.openedAt,
    contentHash: packet.contentHash,
    me: {
      name: me,
      listed: me !== null && file.session.evaluators.includes(me),
      ...myProgress(ctx, packet.sessionId, me),
    },
  };
}

export function packetDetail(ctx: Ctx, sessionId: string): CalibrationPacketDetail {
  const packet = loadPacket(ctx, sessionId);
  const summary = packetSummary(ctx, packet);
  const mine = new Map(
    ctx.db
      .all<{ interactionId: number; status: 'draft' | 'submitted'; score: number | null }>(
        `SELECT interaction_id AS interactionId, status, score FROM calibration_packet_reviews
          WHERE session_id = ? AND evaluator = ?`,
        [sessionId, summary.me.name ?? ''],
      )
      .map((r) => [r.interactionId, r]),
  );
  return {
    ...summary,
    definition: packet.file.form.definition,
    interactions: packet.file.interactions.map(({ interaction: i }) => ({
      interactionId: i.id,
      agentName: i.agentName,
      teamName: i.teamName,
      channel: i.channel,
      startedAt: i.startedAt,
      topic: i.topic,
      subject: i.subject,
      status: mine.get(i.id)?.status ?? 'none',
      score: mine.get(i.id)?.score ?? null,
    })),
  };
}

export function listPackets(ctx: Ctx): CalibrationPacketSummary[] {
  return ctx.db
    .all<{ id: string }>(
      'SELECT session_id AS id FROM calibration_packets ORDER BY opened_at DESC, session_id',
    )
    .map((r) => packetSummary(ctx, loadPacket(ctx, r.id)));
}

const sameScope = (a: PacketFile, b: PacketFile) =>
  a.form.versionId === b.form.versionId &&
  JSON.stringify(a.interactions.map((i) => i.interaction.id)) ===
    JSON.stringify(b.interactions.map((i) => i.interaction.id));

/**
 * Opens a packet in this copy. The same packet again changes nothing; a re-export of the same
 * session (a new name, another evaluator on the list) replaces it and keeps the answers, as long as
 * the form version and interactions are the same.
 */
export function openPacket(
  ctx: BackendContext,
  input: { path: string },
  audit: AuditTrail,
): CalibrationPacketOpened {
  const file = parsePacket(readChosenFile(input.path, 'packet'), path.basename(input.path));
  const sessionId = file.session.id;
  if (ctx.db.get('SELECT 1 AS x FROM calibration_sessions WHERE id = ?', [sessionId]))
    throw new UserFacingError(
      'conflict',
      `The packet "${file.session.name}" comes from this data file: score the session here under Reviews ▸ Calibration.`,
    );
  const existing = ctx.db.get<{ hash: string; json: string }>(
    'SELECT content_hash AS hash, packet_json AS json FROM calibration_packets WHERE session_id = ?',
    [sessionId],
  );
  if (existing?.hash === file.contentHash) return { ...packetDetail(ctx, sessionId), alreadyOpen: true };
  if (existing) {
    const answered = ctx.db.get(
      'SELECT 1 AS x FROM calibration_packet_reviews WHERE session_id = ? LIMIT 1',
      [sessionId],
    );
    if (answered && !sameScope(JSON.parse(existing.json) as PacketFile, file))
      throw new UserFacingError(
        'conflict',
        `This packet of "${file.session.name}" has other interactions or another form version than the one already opened here, which has answers. Nothing was changed: ask the lead which packet is current.`,
      );
    ctx.db.run(
      'UPDATE calibration_packets SET name = ?, content_hash = ?, packet_json = ? WHERE session_id = ?',
      [file.session.name, file.contentHash, JSON.stringify(file), sessionId],
    );
    audit.record({
      entityId: sessionId,
      action: 'packet replaced',
      before: { contentHash: existing.hash },
      after: { contentHash: file.contentHash },
    });
  } else {
    ctx.db.run(
      `INSERT INTO calibration_packets (session_id, name, content_hash, packet_json, opened_at, opened_by)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [sessionId, file.session.name, file.contentHash, JSON.stringify(file), nowIso(ctx), currentActor(ctx)],
    );
    audit.record({
      entityId: sessionId,
      action: 'packet opened',
      after: { contentHash: file.contentHash, name: file.session.name },
    });
  }
  return { ...packetDetail(ctx, sessionId), alreadyOpen: false };
}
