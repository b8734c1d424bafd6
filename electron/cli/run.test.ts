import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserFacingError } from '../../shared/ipc/result';
import { CliError, EXIT_INTERNAL_ERROR, EXIT_OK, EXIT_USER_ERROR, type CliCommand } from './command';
import { runCli } from './run';

function fake(run: CliCommand['run']): CliCommand {
  return { name: 'fake', summary: 'A fake command', usage: 'Usage: fake [--x]', run };
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  return { out: () => out.join(''), err: () => err.join('') };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('runCli', () => {
  it('passes the remaining arguments and the exit code through', async () => {
    const seen: string[][] = [];
    const io = capture();
    const code = await runCli(['fake', '--x', '1'], [fake(async (args) => (seen.push(args), EXIT_OK))]);
    expect(code).toBe(EXIT_OK);
    expect(seen).toEqual([['--x', '1']]);
    expect(io.err()).toBe('');
  });

  it('maps user errors to exit 1 without a stack', async () => {
    const io = capture();
    expect(await runCli(['fake'], [fake(() => Promise.reject(new CliError('bad input')))])).toBe(
      EXIT_USER_ERROR,
    );
    expect(
      await runCli(
        ['fake'],
        [fake(() => Promise.reject(new UserFacingError('database_corrupt', 'file is damaged')))],
      ),
    ).toBe(EXIT_USER_ERROR);
    expect(io.err()).toBe('Error: bad input\nError: file is damaged\n');
  });

  it('maps anything else to exit 2 with the stack', async () => {
    const io = capture();
    const code = await runCli(['fake'], [fake(() => Promise.reject(new TypeError('oops')))]);
    expect(code).toBe(EXIT_INTERNAL_ERROR);
    expect(io.err()).toMatch(/Internal error in "fake": TypeError: oops\n\s+at /);
  });

  it('answers --help for the tool and for a command without running it', async () => {
    const io = capture();
    const run = vi.fn(async () => EXIT_OK);
    expect(await runCli(['--help'], [fake(run)])).toBe(EXIT_OK);
    expect(await runCli(['fake', '--help'], [fake(run)])).toBe(EXIT_OK);
    expect(await runCli(['help', 'fake'], [fake(run)])).toBe(EXIT_OK);
    expect(run).not.toHaveBeenCalled();
    expect(io.out()).toMatch(/fake\s+A fake command/);
    expect(io.out()).toMatch(/Usage: fake \[--x\]\nUsage: fake \[--x\]/);
  });

  it('exits 1 with the command list when no or an unknown command is given', async () => {
    const io = capture();
    expect(await runCli([], [fake(async () => EXIT_OK)])).toBe(EXIT_USER_ERROR);
    expect(await runCli(['nope'], [fake(async () => EXIT_OK)])).toBe(EXIT_USER_ERROR);
    expect(io.err()).toMatch(/Unknown command "nope"/);
  });
});
