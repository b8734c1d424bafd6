/**
 * Call-review benchmark on a durable data file: 1M generated interactions (bench/kpi.ts) and 100k
 * submitted reviews of 30 criteria each (3M answers), every call through the real dispatcher:
 * - QA report for one team and month (target ≤ 50 ms median);
 * - opening the next review of the queue in the workspace: startReview + getReviewContext
 *   (target ≤ 100 ms median);
 * - saving one answer, acknowledged = journaled and fdatasync'ed (target ≤ 5 ms p99);
 * - criterion validity for a quarter (target ≤ 300 ms median).
 * Prints JSON (ms). Run alone: `npx tsx bench/reviews.ts` (REVIEW_BENCH_ROWS for fewer rows).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MethodInput, MethodName, MethodOutput } from '../shared/ipc/contract';
import type { ReviewCriterion, ReviewFormDefinition } from '../shared/reviews/form';
import { packRatings } from '../shared/reviews/packed';
import { computeReviewScore } from '../shared/reviews/score';
import type { Backend } from '../electron/backend/backend';
import { fixedClock } from '../electron/backend/core/clock';
import type { Db } from '../electron/backend/db/database';
import { openDataFile } from '../electron/backend/open';
import { generate } from './kpi';

const N = Number(process.env.REVIEW_BENCH_ROWS ?? 1_000_000);
const REVIEWS = Math.max(1, Math.round(N / 10));
const RUNS = 12;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? 0) * 100) / 100;
};
const loadAvg = () => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  } catch {
    return null;
  }
};
/** The first run is reported on its own: it pays for JIT warm-up, as the first open in the app does. */
const figures = (runs: number[], target: { medianMs: number } | { p99Ms: number }) => ({
  medianMs: quantile(runs, 0.5),
  p95Ms: quantile(runs, 0.95),
  p99Ms: quantile(runs, 0.99),
  firstMs: Math.round((runs[0] ?? 0) * 100) / 100,
  target,
  runs: runs.length,
});

/** Six sections of five criteria: every scale, weights 1–3, two critical, some N/A-able. */
export function benchForm(): ReviewFormDefinition {
  const criterion = (i: number): ReviewCriterion => {
    const scale = (['yes_no_na', '1-5', 'points'] as const)[i % 3] ?? '1-5';
    return {
      id: `c${i}`,
      label: `Criterion ${i + 1}`,
      scale,
      ...(scale === 'points' ? { maxPoints: 3 } : {}),
      weight: 1 + (i % 3),
      critical: i === 0 || i === 15,
      allowNa: i % 5 === 4,
      anchors: {},
    };
  };
  return {
    name: 'Bench form',
    sections: Array.from({ length: 6 }, (_, s) => ({
      id: `s${s}`,
      label: `Section ${s + 1}`,
      criteria: Array.from({ length: 5 }, (_, c) => criterion(s * 5 + c)),
    })),
  };
}

/** Reviews of every tenth interaction, a day later; every 50th is a calibration review. */
function generateReviews(db: Db, form: ReviewFormDefinition): void {
  const criteria = form.sections.flatMap((s) => s.criteria);
  const values = criteria
    .map(
      (c, j) =>
        `(${j}, '${c.id}', '${c.scale}', ${c.scale === 'points' ? 3 : 0}, ${c.allowNa ? 1 : 0}, ${c.critical ? 1 : 0})`,
    )
    .join(', ');
  const step = Math.max(1, Math.floor(N / REVIEWS));
  db.transaction(
    () => {
      db.run(
        `INSERT INTO review_forms (id, name, archived, created_at) VALUES ('form_bench', 'Bench form', 0, '2024-01-01')`,
      );
      db.run(
        `INSERT INTO review_form_versions (id, form_id, version, definition_json, created_at)
         VALUES ('fver_bench', 'form_bench', 1, ?, '2024-01-01')`,
        [JSON.stringify(form)],
      );
      db.run(
        `WITH RECURSIVE g(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM g WHERE k < ${REVIEWS - 1})
         INSERT INTO reviews (id, form_version_id, agent_id, interaction_id, evaluator, status, failed_critical,
           calibration_group, counts_in_qa, reviewed_at, submitted_at, created_at, updated_at)
         SELECT printf('rev_%07d', k), 'fver_bench', i.agent_id, i.id, 'Evaluator ' || (k % 4), 'submitted', 0,
                CASE WHEN k % 50 = 0 THEN 'cal_' || k END, CASE WHEN k % 50 = 0 THEN 0 ELSE 1 END,
                strftime('%Y-%m-%dT%H:%M:%fZ', i.started_at, '+1 day'), strftime('%Y-%m-%dT%H:%M:%fZ', i.started_at, '+1 day'),
                i.started_at, i.started_at
           FROM g JOIN interactions i ON i.id = k * ${step} + 1`,
      );
      db.run(
        `WITH crit(j, id, scale, maxp, na, critical) AS (VALUES ${values}),
         h AS (SELECT r.id AS rid, c.*, (r.rowid * 2654435761 + c.j * 40503) % 2147483647 AS x
                 FROM reviews r CROSS JOIN crit c)
         INSERT INTO review_answers (review_id, criterion_id, rating, not_applicable)
         SELECT rid, id,
                CASE WHEN na = 1 AND x % 7 = 0 THEN NULL
                     WHEN scale = 'yes_no_na' THEN CASE WHEN x % 100 < (CASE WHEN critical = 1 THEN 97 ELSE 85 END) THEN 1 ELSE 0 END
                     WHEN scale = '1-5' THEN 2 + x % 4
                     ELSE x % 4 END,
                CASE WHEN na = 1 AND x % 7 = 0 THEN 1 ELSE 0 END
           FROM h`,
      );
      storeScores(db, form);
    },
    { bulk: true },
  );
}

/** Scores from the real scorer, streamed review by review (answers come out ordered by the key). */
function storeScores(db: Db, form: ReviewFormDefinition): void {
  const read = db.raw.prepare(
    'SELECT review_id, criterion_id, rating, not_applicable FROM review_answers ORDER BY review_id',
  );
  const write = db.prepareWrite(
    'UPDATE reviews SET score = ?, failed_critical = ?, ratings_packed = ? WHERE id = ?',
  );
  try {
    let current: string | null = null;
    let answers: Array<{ criterionId: string; rating: number | null; notApplicable: boolean }> = [];
    const flush = () => {
      if (current === null) return;
      const result = computeReviewScore(form, answers);
      write.run([result.score, result.failedCritical ? 1 : 0, packRatings(form, answers), current]);
    };
    while (read.step()) {
      const [reviewId, criterionId, rating, na] = read.get() as [string, string, number | null, number];
      if (reviewId !== current) {
        flush();
        current = reviewId;
        answers = [];
      }
      answers.push({ criterionId, rating, notApplicable: na === 1 });
    }
    flush();
  } finally {
    read.free();
    write.free();
  }
}

async function timed<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>) {
  const t = performance.now();
  const result = await backend.call(method, input);
  const ms = performance.now() - t;
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return { ms, value: result.value as MethodOutput<M> };
}

async function measure(backend: Backend) {
  const month = { from: '2025-11-01', to: '2025-11-30' };
  const quarter = { from: '2025-10-01', to: '2025-12-31' };
  const qa: number[] = [];
  for (let i = 0; i < RUNS; i += 1)
    qa.push((await timed(backend, 'getQaReport', { ...month, teamId: 'team_1', granularity: 'week' })).ms);
  const validity: number[] = [];
  for (let i = 0; i < 5; i += 1) validity.push((await timed(backend, 'getCriterionValidity', quarter)).ms);

  await timed(backend, 'setProfile', { name: 'Bench evaluator' });
  const queue = await timed(backend, 'getReviewQueue', {
    ...month,
    teamId: 'team_1',
    strategy: 'risk',
    seed: 1,
    limit: RUNS,
  });
  const open: number[] = [];
  const reviewIds: string[] = [];
  for (const item of queue.value.items) {
    const t = performance.now();
    const review = await timed(backend, 'startReview', { interactionId: item.interactionId });
    await timed(backend, 'getReviewContext', { interactionId: item.interactionId });
    open.push(performance.now() - t);
    reviewIds.push(review.value.id);
  }
  const criteria = benchForm().sections.flatMap((s) => s.criteria);
  const save: number[] = [];
  for (let i = 0; i < 300; i += 1) {
    const criterion = criteria[i % criteria.length] as ReviewCriterion;
    const rating = criterion.scale === '1-5' ? 1 + (i % 5) : criterion.scale === 'points' ? i % 4 : i % 2;
    const reviewId = reviewIds[i % reviewIds.length] ?? '';
    save.push((await timed(backend, 'saveReviewAnswer', { reviewId, criterionId: criterion.id, rating })).ms);
  }
  return {
    qaReportTeamMonth: figures(qa, { medianMs: 50 }),
    criterionValidityQuarter: figures(validity, { medianMs: 300 }),
    reviewQueueTeamMonthMs: Math.round(queue.ms),
    openNextReview: figures(open, { medianMs: 100 }),
    saveAnswerJournaled: figures(save, { p99Ms: 5 }),
  };
}

export async function runReviewsBench(): Promise<object> {
  const dir = mkdtempSync(path.join(tmpdir(), 'reviews-bench-'));
  try {
    const opened = await openDataFile({
      dataFile: path.join(dir, 'bench.db'),
      seedDemo: false,
      appVersion: 'bench',
      backups: false,
      clock: fixedClock('2026-01-05T09:00:00.000Z'),
    });
    try {
      const db = opened.backend.ctx.db;
      const loadBefore = loadAvg();
      let t = performance.now();
      generate(db, N);
      const interactionsMs = performance.now() - t;
      t = performance.now();
      generateReviews(db, benchForm());
      const reviewsMs = performance.now() - t;
      const loadQueries = loadAvg();
      const results = await measure(opened.backend);
      return {
        interactions: N,
        reviews: REVIEWS,
        criteriaPerReview: 30,
        answers: db.get<{ n: number }>('SELECT count(*) AS n FROM review_answers')?.n ?? 0,
        loadAverage: { beforeGenerate: loadBefore, beforeQueries: loadQueries, end: loadAvg() },
        generateInteractionsMs: Math.round(interactionsMs),
        generateReviewsMs: Math.round(reviewsMs),
        ...results,
      };
    } finally {
      opened.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runReviewsBench()
    .then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(2);
    });
}
