import { commands } from './commands';
import { EXIT_INTERNAL_ERROR, EXIT_OK, EXIT_USER_ERROR, isUserError, type CliCommand } from './command';

const HELP_FLAGS = new Set(['--help', '-h']);

export function overview(list: readonly CliCommand[] = commands): string {
  const width = Math.max(...list.map((c) => c.name.length));
  return [
    'Agent Scorecard command line',
    '',
    'Usage: npm run --silent cli -- <command> [options]',
    '       npm run --silent cli -- <command> --help',
    '',
    'Commands:',
    ...list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Exit codes: 0 ok, 1 user error (bad arguments, missing or damaged file), 2 internal error.',
  ].join('\n');
}

/** Dispatches to a subcommand and maps every outcome to an exit code; never throws. */
export async function runCli(argv: string[], list: readonly CliCommand[] = commands): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(`${overview(list)}\n`);
    return EXIT_USER_ERROR;
  }
  if (HELP_FLAGS.has(name) || name === 'help') {
    const topic = rest[0] === undefined ? undefined : list.find((c) => c.name === rest[0]);
    process.stdout.write(`${topic ? topic.usage : overview(list)}\n`);
    return EXIT_OK;
  }
  const command = list.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${overview(list)}\n`);
    return EXIT_USER_ERROR;
  }
  if (rest.some((arg) => HELP_FLAGS.has(arg))) {
    process.stdout.write(`${command.usage}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (isUserError(error)) {
      process.stderr.write(`Error: ${error.message}\n`);
      return EXIT_USER_ERROR;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`Internal error in "${command.name}": ${detail}\n`);
    return EXIT_INTERNAL_ERROR;
  }
}
