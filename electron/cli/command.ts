import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserFacingError } from '../../shared/ipc/result';

export const EXIT_OK = 0;
/** Bad arguments, missing/corrupt/too-new file, refused overwrite: message on stderr, no stack. */
export const EXIT_USER_ERROR = 1;
/** A bug: message and stack on stderr. */
export const EXIT_INTERNAL_ERROR = 2;

export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full help text: usage line(s) and options. */
  usage: string;
  /** Resolves to the process exit code. Throw `CliError` (or `UserFacingError`) for user errors. */
  run(args: string[]): Promise<number>;
}

/** An expected failure caused by the user's input or files; printed without a stack. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export function isUserError(error: unknown): error is Error {
  return error instanceof CliError || (error instanceof UserFacingError && error.code !== 'internal');
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict `parseArgs` (unknown options and positionals are errors) that reports problems as user errors. */
export function parseOptions<O extends Options>(command: CliCommand, args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(`${message}\n${usageHint(command)}`);
  }
}

/** The usage line and a pointer to the full help, for argument errors. */
export function usageHint(command: CliCommand): string {
  const first = command.usage.split('\n')[0] ?? '';
  return `${first}\nRun "npm run --silent cli -- ${command.name} --help" for details.`;
}

export function requireOption(command: CliCommand, name: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new CliError(`Missing --${name}.\n${usageHint(command)}`);
  return value;
}

/** A whole number option within bounds; `undefined` when not given. */
export function intOption(
  name: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw new CliError(`--${name} must be a whole number (got "${value}").`);
  const parsed = Number(value);
  if (parsed < min || parsed > max)
    throw new CliError(`--${name} must be between ${min} and ${max} (got ${value}).`);
  return parsed;
}

export function dateOption(name: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new CliError(`--${name} must be an ISO date or date-time (got "${value}").`);
  return date;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
