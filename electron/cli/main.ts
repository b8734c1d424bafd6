/** Entry point: `npm run --silent cli -- <command> ...` (tsx electron/cli/main.ts). */
import { runCli } from './run';

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
