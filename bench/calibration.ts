/**
 * Calibration statistics benchmark (issue 10, item 7): one session of 10 evaluators × 10
 * interactions × 30 criteria (yes/no, 1–5 and 0–3 points in turn, some N/A), every estimate with
 * 1,000 bootstrap resamples: per criterion % exact agreement, alpha and AC1/AC2; for the form the
 * pooled exact agreement and alpha and ICC(2,1) on total scores; per criterion the consensus and
 * every evaluator's deviations. Target ≤ 200 ms median, timed on sessionAgreement (what the app
 * should call); the same figures from separate criterionAgreement and formAgreement calls are
 * timed too. Prints JSON (ms).
 * Run alone: `npx tsx bench/run.ts calibration` or `npx tsx bench/calibration.ts`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  consensus,
  sessionAgreement,
  criterionAgreement,
  evaluatorDeviations,
  formAgreement,
  scaleCategories,
  scaleRange,
  seededRandom,
  type CriterionScale,
  type Rating,
} from '../shared/calibration/stats';

const EVALUATORS = 10;
const INTERACTIONS = 10;
const CRITERIA = 30;
const RESAMPLES = 1000;
const RUNS = 21;

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

/** A plausible session: a true rating per interaction, each evaluator off by one now and then. */
export function generateSession(seed = 11) {
  const random = seededRandom(seed);
  const criteria = Array.from({ length: CRITERIA }, (_, i) => {
    const scale: CriterionScale = [{ kind: 'yes_no_na' }, { kind: '1-5' }, { kind: 'points', maxPoints: 3 }][
      i % 3
    ] as CriterionScale;
    const values = scaleCategories(scale);
    const truth = Array.from({ length: INTERACTIONS }, () => Math.floor(random() * values.length));
    const matrix: Rating[][] = Array.from({ length: EVALUATORS }, () =>
      truth.map((t) => {
        if (i % 5 === 4 && random() < 0.1) return null; // N/A
        const slip = random() < 0.25 ? (random() < 0.5 ? -1 : 1) : 0;
        return values[Math.min(values.length - 1, Math.max(0, t + slip))] ?? null;
      }),
    );
    return { matrix, scale };
  });
  const totalScores: Rating[][] = Array.from({ length: EVALUATORS }, (_, e) =>
    Array.from({ length: INTERACTIONS }, (_, u) => {
      let earned = 0;
      let possible = 0;
      for (const { matrix, scale } of criteria) {
        const rating = matrix[e]?.[u] ?? null;
        if (rating === null) continue;
        earned += rating - (scaleCategories(scale)[0] ?? 0);
        possible += scaleRange(scale);
      }
      return possible === 0 ? null : (100 * earned) / possible;
    }),
  );
  return { criteria, totalScores };
}

type Session = ReturnType<typeof generateSession>;
const OPTS = { resamples: RESAMPLES, seed: 1 };

const deviations = (session: Session) =>
  session.criteria.map(({ matrix, scale }) =>
    evaluatorDeviations(matrix, consensus(matrix), scaleRange(scale)),
  );

/** Everything the reveal view and the session report need, in one sessionAgreement call. */
export function sessionStatistics(session: Session) {
  return {
    ...sessionAgreement(session.criteria, session.totalScores, OPTS),
    deviations: deviations(session),
  };
}

/** The same figures from criterionAgreement per criterion and formAgreement. */
export function separateCalls(session: Session) {
  return {
    criteria: session.criteria.map(({ matrix, scale }) => criterionAgreement(matrix, scale, OPTS)),
    form: formAgreement(session.criteria, session.totalScores, OPTS),
    deviations: deviations(session),
  };
}

function time(run: () => unknown) {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t = performance.now();
    run();
    runs.push(performance.now() - t);
  }
  return {
    medianMs: quantile(runs, 0.5),
    p95Ms: quantile(runs, 0.95),
    firstMs: Math.round((runs[0] ?? 0) * 100) / 100,
    target: { medianMs: 200 },
    runs: runs.length,
  };
}

export function runCalibrationBench(): object {
  const session = generateSession();
  const loadBefore = loadAvg();
  const together = time(() => sessionStatistics(session));
  const apart = time(() => separateCalls(session));
  const { form } = sessionStatistics(session);
  return {
    evaluators: EVALUATORS,
    interactions: INTERACTIONS,
    criteria: CRITERIA,
    resamplesPerEstimate: RESAMPLES,
    estimates: CRITERIA * 3 + 3,
    loadAverage: { before: loadBefore, end: loadAvg() },
    sessionStatistics: together,
    criterionAndFormCallsApart: { ...apart, target: null },
    // A sanity line, so a fast but wrong run shows: the form figures of the generated session.
    formAlpha: form.alpha.value,
    formExact: form.exact.value,
    formIcc: form.icc.value,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(runCalibrationBench(), null, 2)}\n`);
}
