import { UserFacingError } from '../../../shared/ipc/result';
import type { IdGenerator } from '../core/ids';
import type { Db } from '../db/database';
import { refreshDerived } from '../kpi/derive';
import { loadKpiSettings, saveKpiSettings } from '../kpi/settingsStore';
import { dayNumberOf, holidaysBetween, isoDay, localDayOf, workdaysBetween } from './calendar';
import { insertGoals } from './goals';
import { generateInteractions, INTERACTION_COLUMNS } from './interactions';
import { agentProfiles, teamName } from './profiles';
import { Rng } from './random';
import { insertCalibrationSessions } from './calibration';
import { insertDefaultForm, insertReviews } from './reviews';

export interface DemoOptions {
  agents?: number;
  months?: number;
  seed?: number;
  /** The data ends the working day before this instant. */
  now: Date;
  ids: IdGenerator;
  /** Approximate number of interactions; by default about 20,000 per 12 agents and 6 months. */
  interactions?: number;
}

export interface DemoSummary {
  agents: number;
  interactions: number;
  /** Every review row: the regular ones and the calibration sessions' reviews. */
  reviews: number;
  calibrationSessions: number;
  teams: number;
  customers: number;
  goals: number;
  from: string;
  to: string;
}

export const DEMO_DEFAULTS = { agents: 12, months: 6, seed: 42 } as const;

/**
 * Fills an empty, migrated database with a realistic, fully deterministic data set: same options,
 * same rows. One bulk transaction (checkpointed by the store after commit).
 */
export function generateDemoData(db: Db, opts: DemoOptions): DemoSummary {
  const agents = opts.agents ?? DEMO_DEFAULTS.agents;
  const months = opts.months ?? DEMO_DEFAULTS.months;
  const seed = opts.seed ?? DEMO_DEFAULTS.seed;
  checkInt('agents', agents, 1, 500);
  checkInt('months', months, 1, 120);
  checkInt('seed', seed, 0, 2 ** 32 - 1);
  const target = opts.interactions ?? Math.round((20_000 * agents * months) / (12 * 6));
  checkInt('interactions', target, 0, 20_000_000);
  const existing = db.get<{ n: number }>(
    'SELECT (SELECT count(*) FROM agents) + (SELECT count(*) FROM interactions) AS n',
  );
  if ((existing?.n ?? 0) > 0) {
    throw new UserFacingError('conflict', 'Demo data can only be added to an empty data file.');
  }

  const today = localDayOf(opts.now);
  const todayDate = new Date(today * 86_400_000);
  const startDay = dayNumberOf(
    todayDate.getUTCFullYear(),
    todayDate.getUTCMonth() - months,
    todayDate.getUTCDate(),
  );
  const workdays = workdaysBetween(startDay, today);
  if (workdays.length < 5) throw new UserFacingError('invalid_input', 'The demo period is too short.');
  const n = workdays.length;
  const createdAt = opts.now.toISOString();
  const rng = new Rng(seed);
  const profiles = agentProfiles(agents, rng.fork(1));
  const teamCount = Math.max(1, Math.min(agents, Math.round(agents / 6)));
  const agentTeam = profiles.map((_, i) => i % teamCount);

  return db.transaction(
    () => {
      const teamIds = Array.from({ length: teamCount }, (_, t) => {
        const id = opts.ids.next('team');
        db.run('INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)', [id, teamName(t), createdAt]);
        return id;
      });
      const agentIds = profiles.map((profile, i) => {
        const id = opts.ids.next('agt');
        const email = `${profile.name}@example.com`
          .toLowerCase()
          .replace(/ä/g, 'ae')
          .replace(/ö/g, 'oe')
          .replace(/ü/g, 'ue')
          .replace(/ /g, '.')
          .replace(/[^a-z0-9.@]/g, '');
        db.run(
          `INSERT INTO agents (id, team_id, name, email, external_ref, hired_on, active, created_at)
           VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
          [
            id,
            teamIds[agentTeam[i] ?? 0] ?? null,
            profile.name,
            email,
            `AG-${1001 + i}`,
            isoDay(startDay - Math.round(profile.tenureMonths * 30.4)),
            createdAt,
          ],
        );
        return id;
      });
      const launchIndex = Math.round(n * 0.62);
      const outageIndex = Math.round(n * 0.3);
      const events: Array<[number, string]> = [
        [launchIndex, 'Product launch: FiberMax 1000'],
        [outageIndex, 'Network outage in the north region'],
      ];
      for (const [index, label] of events) {
        db.run('INSERT INTO kpi_events (id, team_id, day, label, created_at) VALUES (?, NULL, ?, ?, ?)', [
          opts.ids.next('evt'),
          isoDay(workdays[index] as number),
          label,
          createdAt,
        ]);
      }

      const insertCustomer = db.prepareWrite(
        'INSERT INTO customers (id, external_ref, name, email, first_seen_at, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      const insertInteraction = db.prepareWrite(
        `INSERT INTO interactions (${INTERACTION_COLUMNS.join(', ')}) VALUES (${INTERACTION_COLUMNS.map(() => '?').join(', ')})`,
      );
      const insertShift = db.prepareWrite(
        'INSERT INTO agent_shifts (agent_id, day, logged_in_seconds) VALUES (?, ?, ?)',
      );
      let totals;
      try {
        totals = generateInteractions(
          {
            rng: rng.fork(2),
            pickRng: rng.fork(3),
            ids: opts.ids,
            profiles,
            agentIds,
            agentTeam,
            teamIds,
            workdays,
            nowMs: opts.now.getTime(),
            launchIndex,
            outageIndex,
            targetInteractions: target,
            createdAt,
            firstId:
              (db.get<{ m: number }>('SELECT coalesce(max(id), 0) AS m FROM interactions')?.m ?? 0) + 1,
            candidatesPerMonth: 3,
          },
          {
            customer: (values) => insertCustomer.run(values),
            interaction: (values) => insertInteraction.run(values),
            shift: (agentId, day, seconds) => insertShift.run([agentId, day, seconds]),
          },
        );
      } finally {
        insertCustomer.free();
        insertInteraction.free();
        insertShift.free();
      }

      const formVersionId = insertDefaultForm(db, opts.ids, createdAt);
      const reviewPlan = {
        db,
        rng: rng.fork(4),
        ids: opts.ids,
        profiles,
        agentIds,
        agentTeam,
        workdays,
        candidates: totals.candidates,
        target: Math.round((144 * agents * months) / (12 * 6)),
      };
      const { spare } = insertReviews(reviewPlan, formVersionId);
      const calibrationSessions = insertCalibrationSessions(
        reviewPlan,
        rng.fork(6),
        formVersionId,
        spare,
        Math.min(5, months),
      );
      // Business-time KPIs should measure the demo centre's own opening hours and holidays.
      const settings = loadKpiSettings(db);
      saveKpiSettings(
        db,
        {
          ...settings,
          calendar: {
            ...settings.calendar,
            workingDays: [1, 2, 3, 4, 5],
            open: '08:00',
            close: '18:00',
            holidays: holidaysBetween(startDay, today + 400),
            timeZone: 'Europe/Berlin',
          },
        },
        createdAt,
      );
      refreshDerived(db, 'all');
      const goals = insertGoals({
        db,
        ids: opts.ids,
        teamIds,
        agentIds,
        agentTeam,
        profiles,
        today,
        createdAt,
      });
      return {
        agents,
        interactions: totals.interactions,
        reviews: db.get<{ n: number }>('SELECT count(*) AS n FROM reviews')?.n ?? 0,
        calibrationSessions,
        teams: teamCount,
        customers: totals.customers,
        goals,
        from: isoDay(workdays[0] as number),
        to: isoDay(workdays[n - 1] as number),
      };
    },
    { bulk: true },
  );
}

function checkInt(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UserFacingError(
      'invalid_input',
      `${name} must be a whole number from ${min} to ${max} (got ${value}).`,
    );
  }
}
