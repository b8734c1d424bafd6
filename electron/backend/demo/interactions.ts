import type { SqlValue } from 'sql.js';
import type { IdGenerator } from '../core/ids';
import { addBusinessSeconds, CLOSE_SECONDS, instantMs, isoDay, weekdayOf } from './calendar';
import type { AgentProfile } from './profiles';
import { CUSTOMER_FIRST, CUSTOMER_LAST } from './profiles';
import { clamp, type Rng } from './random';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_DETAILS,
  CROSS_SELL_CHANCE,
  ESCALATION_LEVELS,
  LAUNCH_TOPIC_WEIGHTS,
  NEGATIVE_COMMENTS,
  NEUTRAL_COMMENTS,
  POSITIVE_COMMENTS,
  SUBJECTS,
  TOPIC_EFFORT,
  TOPIC_WEIGHTS,
  TOPICS,
  type Topic,
} from './text';

export const INTERACTION_COLUMNS = [
  'id', 'source', 'channel', 'agent_id', 'team_id', 'customer_id', 'started_at', 'day', 'topic', 'subject',
  'priority', 'status', 'answered', 'abandoned', 'resolved', 'first_response_at', 'resolved_at',
  'first_response_seconds', 'resolution_seconds', 'talk_seconds', 'hold_seconds', 'wrap_seconds', 'fcr',
  'csat_score', 'csat_scale', 'nps_score', 'ces_score', 'ces_scale', 'is_complaint', 'escalated',
  'escalation_level', 'complaint_category', 'complaint_details', 'cross_sell_eligible', 'cross_sell_offered',
  'cross_sell_converted', 'customer_comment', 'created_at', 'updated_at',
] as const;
type Column = (typeof INTERACTION_COLUMNS)[number];
type RowValues = Partial<Record<Column, SqlValue>>;

type DemoChannel = 'call' | 'chat' | 'email' | 'ticket';
const CHANNELS: readonly DemoChannel[] = ['call', 'chat', 'email', 'ticket'];
/** Team 0 is phone-heavy, team 1 runs a ticket queue; further teams alternate. */
const CHANNEL_MIX = [
  [62, 24, 14, 0],
  [46, 22, 14, 18],
];
const HOURS = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17];
const HOUR_WEIGHTS = [0.7, 1.1, 1.3, 1.25, 0.9, 0.95, 1.15, 1.1, 0.9, 0.6];
const WEEKDAY_LOAD = [0, 1.2, 1.05, 1, 0.95, 0.85, 0];
/** Follow-ups make up roughly this share on top of the planned first contacts. */
const FOLLOW_UP_OVERHEAD = 1;

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

export interface InteractionPlan {
  rng: Rng;
  /** Separate stream for sampling review candidates. */
  pickRng: Rng;
  ids: IdGenerator;
  profiles: AgentProfile[];
  agentIds: string[];
  agentTeam: number[];
  teamIds: string[];
  /** Working days of the range, ascending; interactions start on these. */
  workdays: number[];
  nowMs: number;
  launchIndex: number;
  outageIndex: number;
  targetInteractions: number;
  createdAt: string;
  firstId: number;
  /** Review candidates kept per agent and calendar month. */
  candidatesPerMonth: number;
}

export interface InteractionSink {
  customer(values: SqlValue[]): void;
  interaction(values: SqlValue[]): void;
  shift(agentId: string, day: string, loggedInSeconds: number): void;
}

interface FollowUp {
  customer: number;
  topic: Topic;
  channel: DemoChannel;
}

interface Pending {
  ms: number;
  agent: number;
  handle: number;
  values: RowValues;
  candidate: ReviewCandidate | null;
}

export interface InteractionTotals {
  interactions: number;
  customers: number;
  candidates: ReviewCandidate[];
}

/** Generates every interaction day by day, in time order, and streams rows to the sink. */
export function generateInteractions(plan: InteractionPlan, sink: InteractionSink): InteractionTotals {
  const { rng, profiles, workdays } = plan;
  const n = workdays.length;
  const absent = profiles.map(() => absences(rng, n));
  const dayLoad = workdays.map((day, i) => (WEEKDAY_LOAD[weekdayOf(day)] ?? 1) * spikeOf(plan, i));
  let expectedSlots = 0;
  profiles.forEach((profile, a) => {
    for (let i = 0; i < n; i += 1) if (!absent[a]?.has(i)) expectedSlots += profile.volume * (dayLoad[i] ?? 1);
  });
  const rate = plan.targetInteractions / Math.max(1, expectedSlots * FOLLOW_UP_OVERHEAD);

  const customers: string[] = [];
  // Recent contacts: returning customers are drawn from here, so frequent callers repeat and
  // customers who have not been in touch for a while drop out (churn).
  const recent = new Int32Array(Math.max(500, Math.round((plan.targetInteractions / Math.max(1, n)) * 45)));
  let recentCount = 0;
  let recentPos = 0;
  const followUps = new Map<string, FollowUp[]>();
  const reservoirs = new Map<string, { seen: number; items: ReviewCandidate[] }>();
  let nextId = plan.firstId;

  const newCustomer = (startedAt: string): number => {
    const index = customers.length;
    const id = plan.ids.next('cus');
    customers.push(id);
    const first = rng.pick(CUSTOMER_FIRST);
    const last = rng.pick(CUSTOMER_LAST);
    const ref = `CUST-${String(100001 + index)}`;
    const email = `${first}.${last}.${index}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
    sink.customer([id, ref, `${first} ${last}`, email, startedAt, plan.createdAt]);
    return index;
  };
  const remember = (customer: number) => {
    recent[recentPos] = customer;
    recentPos = (recentPos + 1) % recent.length;
    recentCount = Math.min(recentCount + 1, recent.length);
  };

  for (let i = 0; i < n; i += 1) {
    const day = workdays[i] as number;
    const progress = n > 1 ? i / (n - 1) : 1;
    const spike = spikeOf(plan, i);
    const monday = weekdayOf(day) === 1;
    const pending: Pending[] = [];

    for (let t = 0; t < plan.teamIds.length; t += 1) {
      const slots: number[] = [];
      profiles.forEach((profile, a) => {
        if (plan.agentTeam[a] !== t || absent[a]?.has(i)) return;
        const count = rng.poisson(rate * profile.volume * (dayLoad[i] ?? 1));
        for (let k = 0; k < count; k += 1) slots.push(a);
      });
      shuffle(rng, slots);
      const due = followUps.get(`${t}:${i}`) ?? [];
      followUps.delete(`${t}:${i}`);
      if (due.length > slots.length && i + 1 < n) followUps.set(`${t}:${i + 1}`, due.slice(slots.length));

      slots.forEach((a, s) => {
        const profile = profiles[a] as AgentProfile;
        const follow = due[s] ?? null;
        const second = rng.int(0, 3599) + 3600 * rng.weighted(HOURS, HOUR_WEIGHTS);
        const ms = instantMs(day, second);
        const startedAt = new Date(ms).toISOString();
        const topic = follow?.topic ?? rng.weighted(TOPICS, spike > 1.2 && i >= plan.launchIndex ? LAUNCH_TOPIC_WEIGHTS : TOPIC_WEIGHTS);
        const channel =
          follow?.channel ?? rng.weighted(CHANNELS, CHANNEL_MIX[t % CHANNEL_MIX.length] ?? [1, 0, 0, 0]);
        let customer: number;
        if (follow) customer = follow.customer;
        else if (recentCount < 50 || rng.chance(0.38)) customer = newCustomer(startedAt);
        else customer = recent[rng.int(0, recentCount - 1)] as number;
        remember(customer);

        const quality = profile.quality + profile.trend * progress + rng.normal(0, 0.12) - 0.25 * (spike - 1);
        const speed = profile.speed * (1 - 0.12 * profile.trend * progress) * (TOPIC_EFFORT[topic] ?? 1);
        const ctx: Ctx = { plan, channel, rng, profile, quality, speed, spike, monday, topic, dayIndex: i, second, ms };
        const row = channel === 'call' || channel === 'chat' ? live(ctx, channel) : written(ctx, channel);
        const isFirstContact = follow === null;
        if (!isFirstContact) row.values.fcr = null;
        if (isFirstContact && row.values.fcr === 0 && rng.chance(channel === 'email' ? 0.45 : 0.75)) {
          const gap = rng.int(1, 5);
          const key = `${t}:${i + gap}`;
          if (i + gap < n) {
            const list = followUps.get(key) ?? [];
            list.push({ customer, topic, channel: rng.chance(0.7) ? channel : 'call' });
            followUps.set(key, list);
          }
        }
        Object.assign(row.values, {
          source: 'demo',
          channel,
          agent_id: plan.agentIds[a] ?? null,
          team_id: plan.teamIds[t] ?? null,
          customer_id: customers[customer] ?? null,
          started_at: startedAt,
          day: isoDay(day),
          topic,
          created_at: plan.createdAt,
          updated_at: plan.createdAt,
        });
        pending.push({ ms, agent: a, handle: row.handle, values: row.values, candidate: row.candidate });
      });
    }

    pending.sort((x, y) => x.ms - y.ms || x.agent - y.agent);
    const handled = new Float64Array(profiles.length);
    for (const item of pending) {
      const id = nextId;
      nextId += 1;
      item.values.id = id;
      sink.interaction(INTERACTION_COLUMNS.map((column) => item.values[column] ?? null));
      handled[item.agent] = (handled[item.agent] ?? 0) + item.handle;
      if (item.candidate) {
        item.candidate.id = id;
        item.candidate.agent = item.agent;
        sample(plan, reservoirs, item.candidate, day);
      }
    }
    profiles.forEach((profile, a) => {
      if (absent[a]?.has(i)) return;
      const idle = plan.rng.logNormal(1500, 0.3);
      const seconds = Math.round((handled[a] ?? 0) / profile.occupancy + idle);
      sink.shift(plan.agentIds[a] as string, isoDay(day), Math.min(seconds, 10 * 3600));
    });
  }

  const candidates = [...reservoirs.values()].flatMap((r) => r.items).sort((x, y) => x.id - y.id);
  return { interactions: nextId - plan.firstId, customers: customers.length, candidates };
}

interface Ctx {
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

interface Generated {
  values: RowValues;
  handle: number;
  candidate: ReviewCandidate | null;
}

/** Calls and chats: queue wait, handled in one sitting. */
function live(ctx: Ctx, channel: 'call' | 'chat'): Generated {
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
  const fcr = rng.chance(clamp(profile.fcr + 0.06 * quality, 0.4, 0.96));
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
function written(ctx: Ctx, channel: 'email' | 'ticket'): Generated {
  const { rng, profile, quality, speed } = ctx;
  const priority = channel === 'ticket' ? rng.weighted(['low', 'normal', 'high', 'urgent'], [20, 55, 20, 5]) : null;
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
  const fcr = rng.chance(clamp(profile.fcr - 0.08 + 0.06 * quality, 0.35, 0.93));
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
    const satisfied = rng.chance(clamp(0.83 + 0.13 * quality + (resolved ? 0.03 : -0.28), 0.25, 0.98));
    csat = satisfied ? (rng.chance(0.55 + 0.15 * quality) ? 5 : 4) : rng.weighted([1, 2, 3], [25, 30, 45]);
    values.csat_score = csat;
    values.csat_scale = 5;
  }
  if (rng.chance(0.12)) {
    const promoter = clamp(0.44 + 0.2 * quality + (resolved ? 0.05 : -0.2), 0.05, 0.9);
    const detractor = clamp(0.18 - 0.12 * quality + (resolved ? -0.03 : 0.2), 0.02, 0.8);
    const u = rng.next();
    values.nps_score = u < promoter ? rng.int(9, 10) : u < promoter + detractor ? rng.weighted([0, 2, 3, 4, 5, 6], [1, 1, 2, 3, 5, 6]) : rng.int(7, 8);
  }
  if (rng.chance(0.1)) {
    values.ces_score = Math.round(clamp(rng.normal(5.4 + 0.6 * quality + (resolved ? 0.3 : -1.5), 1), 1, 7));
    values.ces_scale = 7;
  }
  const complaintRate =
    0.02 + (resolved ? 0 : 0.06) + 0.03 * (spike - 1) + (outage && topic === 'Technical support' ? 0.2 : 0) -
    0.015 * quality + (csat !== null && csat <= 2 ? 0.15 : 0);
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
    const escalated = rng.chance(clamp(0.2 + 0.5 * (0.5 - profile.empathy) + (resolved ? -0.05 : 0.12), 0.03, 0.9));
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
    values.customer_comment = rng.pick(tone >= 4 ? POSITIVE_COMMENTS : tone === 3 ? NEUTRAL_COMMENTS : NEGATIVE_COMMENTS);
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

/** Volume multiplier: the launch week spike decays over about two weeks; the outage lasts two days. */
export function spikeOf(plan: Pick<InteractionPlan, 'launchIndex' | 'outageIndex'>, i: number): number {
  if (i >= plan.launchIndex) return 1 + 0.9 * Math.exp(-(i - plan.launchIndex) / 3.5);
  if (i === plan.outageIndex) return 1.35;
  if (i === plan.outageIndex + 1) return 1.12;
  return 1;
}

/** Vacation blocks and sick days, kept away from the range edges so every month has data. */
function absences(rng: Rng, days: number): Set<number> {
  const off = new Set<number>();
  for (let i = 0; i < days; i += 1) if (rng.chance(0.02)) off.add(i);
  const blocks = Math.floor(days / 60);
  for (let b = 0; b < blocks && days > 30; b += 1) {
    const start = rng.int(10, days - 15);
    const length = rng.int(3, 5);
    for (let k = 0; k < length; k += 1) off.add(start + k);
  }
  return off;
}

function shuffle<T>(rng: Rng, items: T[]): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng.next() * (i + 1));
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
}

/** Reservoir sampling per agent and month, on its own random stream. */
function sample(
  plan: InteractionPlan,
  reservoirs: Map<string, { seen: number; items: ReviewCandidate[] }>,
  candidate: ReviewCandidate,
  day: number,
): void {
  const key = `${candidate.agent}:${isoDay(day).slice(0, 7)}`;
  let reservoir = reservoirs.get(key);
  if (!reservoir) {
    reservoir = { seen: 0, items: [] };
    reservoirs.set(key, reservoir);
  }
  reservoir.seen += 1;
  if (reservoir.items.length < plan.candidatesPerMonth) reservoir.items.push(candidate);
  else {
    const j = Math.floor(plan.pickRng.next() * reservoir.seen);
    if (j < plan.candidatesPerMonth) reservoir.items[j] = candidate;
  }
}

