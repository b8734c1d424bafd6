import type { IdGenerator } from '../core/ids';
import type { Db } from '../db/database';
import { isoDay } from './calendar';
import type { AgentProfile } from './profiles';
import { teamLead, teamName } from './profiles';

export interface GoalPlan {
  db: Db;
  ids: IdGenerator;
  teamIds: string[];
  agentIds: string[];
  agentTeam: number[];
  profiles: AgentProfile[];
  /** Local day number of `now`. */
  today: number;
  createdAt: string;
}

interface GoalRow {
  scope: 'team' | 'agent';
  teamId: string | null;
  agentId: string | null;
  kpiId: string;
  title: string;
  baseline: number;
  target: number;
  owner: string;
  worksheet: Record<string, string>;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * SMART goals started two months ago with a three-month deadline, baselines measured on the demo
 * data of the month before, so goal status has a real trajectory to judge.
 */
export function insertGoals(plan: GoalPlan): number {
  const start = plan.today - 61;
  const range = [isoDay(start - 30), isoDay(start - 1)] as const;
  const deadline = isoDay(start + 91);
  const rows: GoalRow[] = [];
  const pct = (sql: string, params: (string | null)[]) =>
    round1(plan.db.get<{ v: number | null }>(sql, [...params, ...range])?.v ?? 0);
  const csat = (column: 'team_id' | 'agent_id', id: string) =>
    pct(
      `SELECT 100.0 * sum(csat_score >= 4) / count(csat_score) AS v FROM interactions
        WHERE ${column} = ? AND csat_scale = 5 AND day BETWEEN ? AND ?`,
      [id],
    );

  const team0 = plan.teamIds[0];
  if (team0) {
    const baseline = csat('team_id', team0);
    const target = Math.min(95, Math.round(baseline + 5));
    rows.push({
      scope: 'team',
      teamId: team0,
      agentId: null,
      kpiId: 'csat',
      title: `Raise ${teamName(0)} CSAT from ${baseline}% to ${target}% by ${deadline}`,
      baseline,
      target,
      owner: teamLead(0),
      worksheet: {
        accomplish: 'More customers leave satisfied after a contact with the team.',
        relevance: 'CSAT drives renewals; it dipped after the product launch.',
        measure: 'Monthly CSAT % (ratings 4–5 of 5) from the post-contact survey.',
        achieve: 'Weekly call-review coaching on empathy and closing; launch FAQ in the knowledge base.',
        owner: teamLead(0),
        frequency: 'Weekly in the team meeting',
        done: `CSAT at or above ${target}% for the month of the deadline.`,
      },
    });
  }
  const team1 = plan.teamIds[1];
  if (team1) {
    const baseline = pct(
      `SELECT 100.0 * sum(abandoned = 1) / count(*) AS v FROM interactions
        WHERE team_id = ? AND channel IN ('call', 'chat') AND day BETWEEN ? AND ?`,
      [team1],
    );
    const target = Math.max(1, round1(baseline - 2));
    rows.push({
      scope: 'team',
      teamId: team1,
      agentId: null,
      kpiId: 'abandonment_rate',
      title: `Cut ${teamName(1)} abandonment from ${baseline}% to ${target}%`,
      baseline,
      target,
      owner: teamLead(1),
      worksheet: {
        accomplish: 'Fewer callers hang up before reaching an agent.',
        relevance: 'Every abandoned call is a customer we failed to help and often a repeat contact.',
        measure: 'Abandoned ÷ all calls and chats, per month.',
        achieve: 'Staff Monday mornings better; callback option in the IVR.',
        owner: teamLead(1),
        frequency: 'Weekly',
        done: `Abandonment at or below ${target}% for a full month.`,
      },
    });
  }
  const agentGoal = (
    index: number,
    kpiId: string,
    make: (name: string, baseline: number) => [string, number],
  ) => {
    const agentId = plan.agentIds[index];
    const profile = plan.profiles[index];
    if (!agentId || !profile) return;
    const baseline =
      kpiId === 'fcr'
        ? pct(
            `SELECT 100.0 * sum(fcr = 1) / count(fcr) AS v FROM interactions WHERE agent_id = ? AND day BETWEEN ? AND ?`,
            [agentId],
          )
        : csat('agent_id', agentId);
    const [title, target] = make(profile.name, baseline);
    const team = plan.agentTeam[index] ?? 0;
    rows.push({
      scope: 'agent',
      teamId: plan.teamIds[team] ?? null,
      agentId,
      kpiId,
      title,
      baseline,
      target,
      owner: teamLead(team),
      worksheet: {
        accomplish: title,
        relevance: `Agreed in the 1:1 (${profile.story}).`,
        measure: kpiId === 'fcr' ? 'First contact resolution % per month.' : 'CSAT % per month.',
        achieve: 'Two reviewed interactions a week with feedback; shadowing a senior colleague.',
        owner: teamLead(team),
        frequency: 'Every two weeks in the 1:1',
        done: `${kpiId === 'fcr' ? 'FCR' : 'CSAT'} at or above ${target}% at the deadline.`,
      },
    });
  };
  agentGoal(3, 'fcr', (name, baseline) => {
    const target = Math.min(92, Math.round(baseline + 10));
    return [`${name}: raise first contact resolution from ${baseline}% to ${target}%`, target];
  });
  agentGoal(4, 'csat', (name, baseline) => {
    const target = Math.max(85, Math.round(baseline + 4));
    return [`${name}: bring CSAT back to ${target}% or higher`, target];
  });

  const insert = plan.db.prepareWrite(
    `INSERT INTO goals (id, scope, team_id, agent_id, kpi_id, title, baseline, target, start_date, deadline,
       milestones_json, owner, check_frequency, worksheet_json, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  try {
    for (const row of rows) {
      const milestones = [1, 2].map((k) => ({
        date: isoDay(start + 30 * k),
        target: round1(row.baseline + ((row.target - row.baseline) * k) / 3),
      }));
      insert.run([
        plan.ids.next('goal'),
        row.scope,
        row.teamId,
        row.agentId,
        row.kpiId,
        row.title,
        row.baseline,
        row.target,
        isoDay(start),
        deadline,
        JSON.stringify(milestones),
        row.owner,
        row.worksheet.frequency ?? 'weekly',
        JSON.stringify(row.worksheet),
        plan.createdAt,
        plan.createdAt,
      ]);
    }
  } finally {
    insert.free();
  }
  return rows.length;
}
