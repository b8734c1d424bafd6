/**
 * `npm run bench`: runs every benchmark and prints one JSON document. Targets live here, not in
 * timed tests, because a shared 2-core CI machine makes wall-clock assertions flaky.
 */
import { runCalibrationBench } from './calibration';
import { runCalibrationScreensBench } from './calibrationScreens';
import { runImportBench } from './import';
import { runKpiBench } from './kpi';
import { runReviewsBench } from './reviews';

async function main() {
  const only = process.argv[2];
  const results: Record<string, unknown> = {
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
  };
  // Three runs, medians reported: one run on a shared machine swung by ±15 %.
  if (!only || only === 'import') results.import = await runImportBench(1_000_000, 3);
  if (!only || only === 'kpi') results.kpi = await runKpiBench();
  if (!only || only === 'reviews') results.reviews = await runReviewsBench();
  if (!only || only === 'calibration') results.calibration = runCalibrationBench();
  if (!only || only === 'calibration-screens')
    results.calibrationScreens = await runCalibrationScreensBench();
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
