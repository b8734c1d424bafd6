import type { QuotaProgress, ReviewQueue, ReviewQueueItem } from '../../../shared/ipc/contracts/qa';
import { zonedToEpochMs } from '../../../shared/kpi/businessTime';
import { addDays, bucketEnd, bucketStart } from '../../../shared/kpi/periods';
import {
  sampleForReview,
  type SamplingCandidate,
  type SamplingStrategy,
} from '../../../shared/reviews/sampling';
import type { BackendContext } from '../core/context';
import { loadKpiSettings } from '../kpi/settingsStore';
import { loadReviewSettings } from './settingsStore';

interface CandidateRow extends Omit<
  SamplingCandidate,
  'isComplaint' | 'escalated' | 'repeatContact' | 'sentiment'
> {
  isComplaint: number | null;
  escalated: number | null;
  repeatContact: number | null;
  sentiment: number | null;
  agentName: string;
  teamName: string | null;
  subject: string | null;
  startedAt: string;
}

/** ISO instants bounding local days [from, to] in the business time zone (end exclusive). */
function instants(ctx: Pick<BackendContext, 'db'>, from: string, to: string): [string, string] {
  const timeZone = loadKpiSettings(ctx.db).calendar.timeZone;
  return [
    new Date(zonedToEpochMs(from, '00:00', timeZone)).toISOString(),
    new Date(zonedToEpochMs(addDays(to, 1), '00:00', timeZone)).toISOString(),
  ];
}

const flag = (v: number | null) => (v === null ? null : v === 1);

/** Unreviewed interactions with an agent; any review, even a draft, takes one out of the queue. */
function loadCandidates(
  ctx: BackendContext,
  input: { from: string; to: string; teamId?: string },
): CandidateRow[] {
  const [start, end] = instants(ctx, input.from, input.to);
  return ctx.db.all<CandidateRow>(
    `SELECT i.id, i.agent_id AS agentId, a.name AS agentName, t.name AS teamName, i.channel, i.topic, i.subject,
            i.started_at AS startedAt, i.csat_score AS csat, i.csat_scale AS csatScale, i.is_complaint AS isComplaint,
            i.escalated, i.hold_seconds AS holdSeconds, i.sentiment, i.repeat_contact AS repeatContact
       FROM interactions i
       JOIN agents a ON a.id = i.agent_id
       LEFT JOIN teams t ON t.id = coalesce(i.team_id, a.team_id)
      WHERE i.started_at >= ? AND i.started_at < ?
        AND (? IS NULL OR coalesce(i.team_id, a.team_id) = ?)
        AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.interaction_id = i.id)`,
    [start, end, input.teamId ?? null, input.teamId ?? null],
  );
}

function quotaProgress(ctx: BackendContext, to: string, teamId: string | undefined): ReviewQueue['quota'] {
  const { quota } = loadReviewSettings(ctx);
  const from = bucketStart(to, quota.period);
  const last = bucketEnd(from, quota.period);
  const [start, end] = instants(ctx, from, last);
  const agents = ctx.db.all<Omit<QuotaProgress, 'target' | 'remaining'>>(
    `SELECT a.id AS agentId, a.name AS agentName, a.team_id AS teamId, t.name AS teamName,
            (SELECT count(*) FROM reviews r WHERE r.agent_id = a.id AND r.status = 'submitted' AND r.counts_in_qa = 1
                AND r.reviewed_at >= ? AND r.reviewed_at < ?) AS submitted,
            (SELECT count(*) FROM reviews r WHERE r.agent_id = a.id AND r.status = 'draft'
                AND r.calibration_group IS NULL) AS drafts
       FROM agents a LEFT JOIN teams t ON t.id = a.team_id
      WHERE a.active = 1 AND (? IS NULL OR a.team_id = ?)
      ORDER BY a.name`,
    [start, end, teamId ?? null, teamId ?? null],
  );
  return {
    perAgent: quota.perAgent,
    period: quota.period,
    from,
    to: last,
    agents: agents.map((a) => ({
      ...a,
      target: quota.perAgent,
      remaining: Math.max(0, quota.perAgent - a.submitted),
    })),
  };
}

export function getReviewQueue(
  ctx: BackendContext,
  input: {
    from: string;
    to: string;
    teamId?: string;
    strategy: SamplingStrategy;
    seed: number;
    limit: number;
  },
): ReviewQueue {
  const rows = loadCandidates(ctx, input);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const candidates: SamplingCandidate[] = rows.map((r) => ({
    id: r.id,
    agentId: r.agentId,
    channel: r.channel,
    topic: r.topic,
    csat: r.csat,
    csatScale: r.csatScale,
    isComplaint: flag(r.isComplaint),
    escalated: flag(r.escalated),
    holdSeconds: r.holdSeconds,
    sentiment: r.sentiment === -1 || r.sentiment === 0 || r.sentiment === 1 ? r.sentiment : null,
    repeatContact: flag(r.repeatContact),
  }));
  const items = sampleForReview(candidates, input).flatMap((pick): ReviewQueueItem[] => {
    const row = byId.get(pick.interactionId);
    if (!row) return [];
    const { agentId, agentName, teamName, channel, topic, subject, startedAt } = row;
    return [{ ...pick, agentId, agentName, teamName, channel, topic, subject, startedAt }];
  });
  return {
    strategy: input.strategy,
    seed: input.seed,
    candidates: candidates.length,
    items,
    quota: quotaProgress(ctx, input.to, input.teamId),
  };
}
