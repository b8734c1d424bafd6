/**
 * Calibration screens on the default form (15 criteria) through the real dispatcher: 12 revealed
 * sessions of 10 interactions × 6 evaluators. Times the statistics of one session as the
 * Agreement tab asks for them (first call, nothing cached), the reveal, and the history of all 12
 * sessions, first (every session bootstrapped) and again (cached by their inputs). Prints JSON (ms).
 * Run alone: `npx tsx bench/run.ts calibration-screens`.
 */
import { readFileSync } from 'node:fs';
import type { MethodInput, MethodName, MethodOutput } from '../shared/ipc/contract';
import { seededRandom } from '../shared/calibration/stats';
import { DEFAULT_REVIEW_FORM, ratingValues } from '../shared/reviews/form';
import { packRatings } from '../shared/reviews/packed';
import { computeReviewScore } from '../shared/reviews/score';
import { Backend } from '../electron/backend/backend';
import { clearStatsCache } from '../electron/backend/calibration/stats';
import { fixedClock } from '../electron/backend/core/clock';
import { sequentialIds } from '../electron/backend/core/ids';
import { Db } from '../electron/backend/db/database';
import { migrate } from '../electron/backend/db/migrate';
import { loadSqlJs } from '../electron/backend/db/sqljs';

const SESSIONS = 12;
const INTERACTIONS = 10;
const EVALUATORS = 6;
const RUNS = 9;
const AT = '2026-01-10T10:00:00.000Z';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? 0) * 10) / 10;
};
const loadAvg = () => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  } catch {
    return null;
  }
};

function seed(db: Db): string[] {
  const random = seededRandom(5);
  const criteria = DEFAULT_REVIEW_FORM.sections.flatMap((s) => s.criteria);
  db.exec(`
    INSERT INTO agents (id, name, created_at) VALUES ('agt_1', 'Ann', '${AT}');
    INSERT INTO review_forms (id, name, created_at) VALUES ('form_1', 'QA', '${AT}');`);
  db.run(
    `INSERT INTO review_form_versions (id, form_id, version, definition_json, created_at) VALUES ('fver_1', 'form_1', 1, ?, ?)`,
    [JSON.stringify(DEFAULT_REVIEW_FORM), AT],
  );
  const ids: string[] = [];
  let review = 0;
  for (let s = 0; s < SESSIONS; s += 1) {
    const id = `cal_${s}`;
    ids.push(id);
    const day = new Date(Date.parse(AT) + s * 30 * 86_400_000).toISOString();
    db.run(
      `INSERT INTO calibration_sessions (id, name, form_version_id, state, created_by, created_at, updated_at, scoring_at, revealed_at)
       VALUES (?, ?, 'fver_1', 'revealed', 'Lead', ?, ?, ?, ?)`,
      [id, `Session ${s + 1}`, day, day, day, day],
    );
    for (let e = 0; e < EVALUATORS; e += 1)
      db.run('INSERT INTO calibration_session_evaluators VALUES (?, ?, ?)', [id, `Evaluator ${e + 1}`, e]);
    for (let i = 0; i < INTERACTIONS; i += 1) {
      const interaction = s * INTERACTIONS + i + 1;
      db.run(
        `INSERT INTO interactions (id, channel, agent_id, started_at, day, created_at, updated_at) VALUES (?, 'call', 'agt_1', ?, ?, ?, ?)`,
        [interaction, day, day.slice(0, 10), day, day],
      );
      db.run('INSERT INTO calibration_session_interactions VALUES (?, ?, ?)', [id, interaction, i]);
      const truth = criteria.map((c) => Math.floor(random() * ratingValues(c).length));
      for (let e = 0; e < EVALUATORS; e += 1) {
        review += 1;
        const answers = criteria.map((c, k) => {
          const values = ratingValues(c);
          const slip = random() < 0.3 ? (random() < 0.5 ? -1 : 1) : 0;
          const index = Math.min(values.length - 1, Math.max(0, (truth[k] ?? 0) + slip));
          return { criterionId: c.id, rating: values[index] ?? null, notApplicable: false };
        });
        const result = computeReviewScore(DEFAULT_REVIEW_FORM, answers);
        const rid = `rev_${review}`;
        db.run(
          `INSERT INTO reviews (id, form_version_id, agent_id, interaction_id, evaluator, status, score, calibration_group,
             counts_in_qa, reviewed_at, submitted_at, created_at, updated_at, ratings_packed)
           VALUES (?, 'fver_1', 'agt_1', ?, ?, 'submitted', ?, ?, 0, ?, ?, ?, ?, ?)`,
          [
            rid,
            interaction,
            `Evaluator ${e + 1}`,
            result.score,
            id,
            day,
            day,
            day,
            day,
            packRatings(DEFAULT_REVIEW_FORM, answers),
          ],
        );
        for (const a of answers)
          db.run(
            'INSERT INTO review_answers (review_id, criterion_id, rating, not_applicable) VALUES (?, ?, ?, 0)',
            [rid, a.criterionId, a.rating],
          );
      }
    }
  }
  return ids;
}

async function time<T>(fn: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export async function runCalibrationScreensBench() {
  const SQL = await loadSqlJs();
  const db = new Db(new SQL.Database());
  migrate(db);
  const ids = db.transaction(() => seed(db));
  const backend = new Backend({
    db,
    clock: fixedClock(AT),
    ids: sequentialIds(),
    dataFile: null,
    appVersion: 'bench',
  });
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await backend.call(method, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as MethodOutput<M>;
  };
  const sessionId = ids[0] as string;
  const stats: number[] = [];
  const reveal: number[] = [];
  const historyCold: number[] = [];
  const historyWarm: number[] = [];
  for (let r = 0; r < RUNS; r += 1) {
    clearStatsCache();
    stats.push(await time(() => call('getCalibrationStats', { sessionId })));
    reveal.push(await time(() => call('getCalibrationReveal', { sessionId })));
    clearStatsCache();
    historyCold.push(await time(() => call('getCalibrationHistory', {})));
    historyWarm.push(await time(() => call('getCalibrationHistory', {})));
  }
  const figures = (runs: number[]) => ({
    medianMs: quantile(runs, 0.5),
    maxMs: quantile(runs, 1),
    runs: runs.length,
  });
  return {
    shape: {
      sessions: SESSIONS,
      interactions: INTERACTIONS,
      evaluators: EVALUATORS,
      criteria: 15,
      resamples: 1000,
    },
    loadAverage: loadAvg(),
    sessionStatsFirstCall: figures(stats),
    reveal: figures(reveal),
    historyFirstCall: figures(historyCold),
    historyCached: figures(historyWarm),
  };
}
