import type { CliCommand } from '../command';
import { calibrationCommand } from './calibration';
import { checkCommand } from './check';
import { demoCommand } from './demo';
import { formsCommand } from './forms';
import { importCommand } from './import';
import { kpiCommand } from './kpi';
import { reviewsCommand } from './reviews';

/** Every CLI subcommand. To add one: create commands/<name>.ts, import it above, add it below. */
export const commands: CliCommand[] = [
  demoCommand,
  checkCommand,
  // CLI commands are added here, one line each.
  kpiCommand,
  importCommand,
  reviewsCommand,
  formsCommand,
  calibrationCommand,
];
