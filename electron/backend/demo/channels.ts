import type { SqlValue } from 'sql.js';
import { addBusinessSeconds, CLOSE_SECONDS, instantMs } from './calendar';
import type { InteractionPlan } from './interactions';
import type { AgentProfile } from './profiles';
import { clamp, type Rng } from './random';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_DETAILS,
  CROSS_SELL_CHANCE,
  ESCALATION_LEVELS,
  NEGATIVE_COMMENTS,
  NEUTRAL_COMMENTS,
  POSITIVE_COMMENTS,
  SUBJECTS,
  type Topic,
} from './text';

export const INTERACTION_COLUMNS = [
  'id',
  'source',
  'channel',
  'agent_id',
  'team_id',
  'customer_id',
  'started_at',
  'day',
  'topic',
  'subject',
  'priority',
  'status',
  'answered',
  'abandoned',
  'resolved',
  'first_response_at',
  'resolved_at',
  'first_response_seconds',
  'resolution_seconds',
  'talk_seconds',
  'hold_seconds',
  'wrap_seconds',
  'fcr',
  'csat_score',
  'csat_scale',
  'nps_score',
  'ces_score',
  'ces_scale',
  'is_complaint',
  'escalated',
  'escalation_level',
  'complaint_category',
  'complaint_details',
  'cross_sell_eligible',
  'cross_sell_offered',
  'cross_sell_converted',
  'customer_comment',
  'created_at',
  'updated_at',
] as const;
type Column = (typeof INTERACTION_COLUMNS)[number];
export type RowValues = Partial<Record<Column, SqlValue>>;

export type DemoChannel = 'call' | 'chat' | 'email' | 'ticket';

/** An answered interaction that QA may review later; kept small because only a sample is stored. */
export interface ReviewCandidate {
  id: number;
  agent: number;
  channel: DemoChannel;
  dayIndex: number;
  second: number;
  resolved: boolean;
  csat: number | null;
  holdSeconds: number;
  crossEligible: boolean;
  crossOffered: boolean;
  complaint: boolean;
}

export interface Ctx {
  plan: InteractionPlan;
  channel: DemoChannel;
  rng: Rng;
  profile: AgentProfile;
  quality: number;
  speed: number;
  spike: number;
  monday: boolean;
  topic: Topic;
  dayIndex: number;
  second: number;
  ms: number;
}

export interface Generated {
  values: RowValues;
  handle: number;
  candidate: ReviewCandidate | null;
}

/** Calls and chats: queue wait, handled in one sitting. */
export function live(ctx: Ctx, channel: 'call' | 'chat'): Generated {
  const { rng, profile, quality, speed, spike, monday } = ctx;
  const load = (1 + 1.8 * (spike - 1)) * (monday ? 1.25 : 1);
  const abandonRate = (channel === 'call' ? 0.045 : 0.025) * load;
  if (rng.chance(abandonRate)) {
    return {
      values: { answered: 0, abandoned: 1, resolved: 0, status: 'abandoned' },
      handle: 0,
      candidate: null,
    };
  }
  const wait = Math.round(rng.logNormal((channel === 'call' ? 22 : 35) * load, 0.7));
  const talk = Math.round(rng.logNormal((channel === 'call' ? 290 : 540) * speed, 0.45));
  const hold =
    channel === 'call' && rng.chance(clamp(0.22 * profile.holds, 0, 0.85))
      ? Math.round(rng.logNormal(50 * profile.holds, 0.6))
      : 0;
  const wrap = Math.round(rng.logNormal((channel === 'call' ? 40 : 30) * speed, 0.4));
  const fcr = rng.chance(clamp(profile.fcr + 0.1 * quality, 0.4, 0.96));
  const values: RowValues = {
    answered: 1,
    abandoned: 0,
    status: 'closed',
    first_response_seconds: wait,
    first_response_at: new Date(ctx.ms + wait * 1000).toISOString(),
    talk_seconds: talk,
    hold_seconds: channel === 'call' ? hold : null,
    wrap_seconds: wrap,
    fcr: fcr ? 1 : 0,
    resolved: fcr ? 1 : 0,
  };
  if (fcr) {
    const resolution = wait + talk + hold;
    values.resolution_seconds = resolution;
    values.resolved_at = new Date(ctx.ms + resolution * 1000).toISOString();
  }
  return { ...feedback(ctx, values, channel === 'chat' ? 0.4 : 0.32, wait), handle: talk + hold + wrap };
}

/** Emails and tickets: first reply and resolution in business hours, possibly still open at `now`. */
export function written(ctx: Ctx, channel: 'email' | 'ticket'): Generated {
  const { rng, profile, quality, speed } = ctx;
  const priority =
    channel === 'ticket' ? rng.weighted(['low', 'normal', 'high', 'urgent'], [20, 55, 20, 5]) : null;
  const urgency = priority === 'urgent' ? 0.2 : priority === 'high' ? 0.5 : 1;
  const handle = Math.round(rng.logNormal(420 * speed, 0.5));
  const values: RowValues = {
    answered: 1,
    abandoned: 0,
    priority,
    subject: rng.pick(SUBJECTS[ctx.topic]),
    talk_seconds: handle,
    status: 'new',
    resolved: 0,
    fcr: 0,
  };
  const replyAfter = rng.logNormal((channel === 'email' ? 9000 : 5400) * urgency * ctx.spike, 0.8);
  const firstReply = later(ctx, replyAfter);
  if (firstReply === null) return { values, handle, candidate: null };
  values.first_response_at = new Date(firstReply).toISOString();
  values.first_response_seconds = Math.round((firstReply - ctx.ms) / 1000);
  values.status = 'open';
  const fcr = rng.chance(clamp(profile.fcr - 0.08 + 0.1 * quality, 0.35, 0.93));
  values.fcr = fcr ? 1 : 0;
  const resolvedMs = fcr
    ? firstReply
    : later(ctx, replyAfter + rng.logNormal(channel === 'ticket' ? 28_800 * urgency : 21_600, 0.8));
  if (resolvedMs !== null && rng.chance(0.985)) {
    values.resolved = 1;
    values.status = 'closed';
    values.resolved_at = new Date(resolvedMs).toISOString();
    values.resolution_seconds = Math.round((resolvedMs - ctx.ms) / 1000);
  } else if (resolvedMs !== null) {
    values.status = 'pending';
  }
  return { ...feedback(ctx, values, values.resolved ? 0.25 : 0.05, null), handle };
}

/** Epoch ms `businessSeconds` of opening hours after the interaction started, or null if after now. */
function later(ctx: Ctx, businessSeconds: number): number | null {
  const at = addBusinessSeconds(ctx.plan.workdays, ctx.dayIndex, ctx.second, Math.round(businessSeconds));
  if (at === null) return null;
  const day = ctx.plan.workdays[at.index] as number;
  const ms = instantMs(day, Math.min(at.secondOfDay, CLOSE_SECONDS));
  return ms <= ctx.plan.nowMs ? ms : null;
}

/** Survey answers, complaints, cross-selling and comments, all steered by the agent's quality. */
function feedback(
  ctx: Ctx,
  values: RowValues,
  surveyRate: number,
  wait: number | null,
): { values: RowValues; candidate: ReviewCandidate } {
  const { rng, profile, quality, topic, spike } = ctx;
  const resolved = values.resolved === 1;
  const outage = ctx.dayIndex === ctx.plan.outageIndex || ctx.dayIndex === ctx.plan.outageIndex + 1;
  let csat: number | null = null;
  if (rng.chance(surveyRate)) {
    const satisfied = rng.chance(clamp(0.83 + 0.15 * quality + (resolved ? 0.03 : -0.28), 0.25, 0.98));
    csat = satisfied ? (rng.chance(0.55 + 0.15 * quality) ? 5 : 4) : rng.weighted([1, 2, 3], [25, 30, 45]);
    values.csat_score = csat;
    values.csat_scale = 5;
  }
  if (rng.chance(0.12)) {
    const promoter = clamp(0.44 + 0.2 * quality + (resolved ? 0.05 : -0.2), 0.05, 0.9);
    const detractor = clamp(0.18 - 0.12 * quality + (resolved ? -0.03 : 0.2), 0.02, 0.8);
    const u = rng.next();
    values.nps_score =
      u < promoter
        ? rng.int(9, 10)
        : u < promoter + detractor
          ? rng.weighted([0, 2, 3, 4, 5, 6], [1, 1, 2, 3, 5, 6])
          : rng.int(7, 8);
  }
  if (rng.chance(0.1)) {
    values.ces_score = Math.round(clamp(rng.normal(5.4 + 0.6 * quality + (resolved ? 0.3 : -1.5), 1), 1, 7));
    values.ces_scale = 7;
  }
  const complaintRate =
    0.02 +
    (resolved ? 0 : 0.06) +
    0.03 * (spike - 1) +
    (outage && topic === 'Technical support' ? 0.2 : 0) -
    0.015 * quality +
    (csat !== null && csat <= 2 ? 0.15 : 0);
  const complaint = rng.chance(clamp(complaintRate, 0.002, 0.6));
  if (complaint) {
    const category =
      wait !== null && wait > 120
        ? 'Long waiting time'
        : quality < -0.3 && rng.chance(0.3)
          ? 'Agent behaviour'
          : topicCategory(rng, topic);
    values.is_complaint = 1;
    values.complaint_category = category;
    values.complaint_details = rng.pick(COMPLAINT_DETAILS[category]);
    const escalated = rng.chance(
      clamp(0.2 + 0.5 * (0.5 - profile.empathy) + (resolved ? -0.05 : 0.12), 0.03, 0.9),
    );
    values.escalated = escalated ? 1 : 0;
    if (escalated) values.escalation_level = rng.weighted(ESCALATION_LEVELS, [50, 35, 15]);
  } else {
    values.is_complaint = 0;
  }
  const eligible = rng.chance((CROSS_SELL_CHANCE[topic] ?? 0.2) * (complaint ? 0.2 : 1));
  let offered = false;
  values.cross_sell_eligible = eligible ? 1 : 0;
  if (eligible) {
    offered = rng.chance(profile.crossSell);
    values.cross_sell_offered = offered ? 1 : 0;
    if (offered) values.cross_sell_converted = rng.chance(clamp(0.22 + 0.1 * quality, 0.05, 0.5)) ? 1 : 0;
  }
  if ((csat !== null && rng.chance(0.4)) || (complaint && rng.chance(0.5))) {
    const tone = csat === null ? 1 : csat;
    values.customer_comment = rng.pick(
      tone >= 4 ? POSITIVE_COMMENTS : tone === 3 ? NEUTRAL_COMMENTS : NEGATIVE_COMMENTS,
    );
  }
  const candidate: ReviewCandidate = {
    id: 0,
    agent: 0,
    channel: ctx.channel,
    dayIndex: ctx.dayIndex,
    second: ctx.second,
    resolved,
    csat,
    holdSeconds: typeof values.hold_seconds === 'number' ? values.hold_seconds : 0,
    crossEligible: eligible,
    crossOffered: offered,
    complaint,
  };
  return { values, candidate };
}

function topicCategory(rng: Rng, topic: Topic): (typeof COMPLAINT_CATEGORIES)[number] {
  switch (topic) {
    case 'Billing':
      return 'Billing error';
    case 'Technical support':
      return 'Service outage';
    case 'Delivery':
      return 'Delivery problem';
    case 'Contract':
      return 'Contract terms';
    default:
      return rng.pick(COMPLAINT_CATEGORIES);
  }
}
