import type { SqlValue } from 'sql.js';
import type { IdGenerator } from '../core/ids';
import { instantMs, isoDay, weekdayOf } from './calendar';
import {
  INTERACTION_COLUMNS,
  live,
  written,
  type Ctx,
  type DemoChannel,
  type ReviewCandidate,
  type RowValues,
} from './channels';
import type { AgentProfile } from './profiles';
import { CUSTOMER_FIRST, CUSTOMER_LAST } from './profiles';
import type { Rng } from './random';
import { LAUNCH_TOPIC_WEIGHTS, TOPIC_EFFORT, TOPIC_WEIGHTS, TOPICS, type Topic } from './text';

export { INTERACTION_COLUMNS, type ReviewCandidate };

const CHANNELS: readonly DemoChannel[] = ['call', 'chat', 'email', 'ticket'];
/** Team 0 is phone-heavy, team 1 runs a ticket queue; further teams alternate. */
const CHANNEL_MIX = [
  [62, 24, 14, 0],
  [46, 22, 14, 18],
];
const HOURS = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17];
const HOUR_WEIGHTS = [0.7, 1.1, 1.3, 1.25, 0.9, 0.95, 1.15, 1.1, 0.9, 0.6];
const WEEKDAY_LOAD = [0, 1.2, 1.05, 1, 0.95, 0.85, 0];

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
    for (let i = 0; i < n; i += 1)
      if (!absent[a]?.has(i)) expectedSlots += profile.volume * (dayLoad[i] ?? 1);
  });
  const rate = plan.targetInteractions / Math.max(1, expectedSlots);

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
        const topic =
          follow?.topic ??
          rng.weighted(TOPICS, spike > 1.2 && i >= plan.launchIndex ? LAUNCH_TOPIC_WEIGHTS : TOPIC_WEIGHTS);
        const channel =
          follow?.channel ?? rng.weighted(CHANNELS, CHANNEL_MIX[t % CHANNEL_MIX.length] ?? [1, 0, 0, 0]);
        let customer: number;
        if (follow) customer = follow.customer;
        else if (recentCount < 50 || rng.chance(0.38)) customer = newCustomer(startedAt);
        else customer = recent[rng.int(0, recentCount - 1)] as number;
        remember(customer);

        const quality = profile.quality + profile.trend * progress + rng.normal(0, 0.12) - 0.25 * (spike - 1);
        const speed = profile.speed * (1 - 0.12 * profile.trend * progress) * (TOPIC_EFFORT[topic] ?? 1);
        const ctx: Ctx = {
          plan,
          channel,
          rng,
          profile,
          quality,
          speed,
          spike,
          monday,
          topic,
          dayIndex: i,
          second,
          ms,
        };
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
