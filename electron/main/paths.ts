import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const DATA_FILE_NAME = 'scorecard.db';
export const DATA_FILE_ENV = 'AGENT_SCORECARD_DATA';
const DATA_FILE_FLAG = '--data-file';

/**
 * Where the data file comes from, first match wins: `--data-file=PATH` (or `--data-file PATH`),
 * then $AGENT_SCORECARD_DATA, then the file last opened from the menu, then `<userData>/scorecard.db`. Relative paths resolve against `cwd`
 * so `npm start -- --data-file=demo.db` does what the user expects.
 */
export function resolveDataFile(options: {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  userDataDir: string;
  cwd: string;
  /** The file the user last opened from the File menu, if it still exists. */
  remembered?: string | null;
}): string {
  const fromArgs = dataFileArg(options.argv);
  const chosen = fromArgs ?? nonEmpty(options.env[DATA_FILE_ENV]);
  if (chosen) return path.resolve(options.cwd, chosen);
  if (options.remembered) return options.remembered;
  return path.join(options.userDataDir, DATA_FILE_NAME);
}

function dataFileArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith(`${DATA_FILE_FLAG}=`)) return nonEmpty(arg.slice(DATA_FILE_FLAG.length + 1));
    if (arg === DATA_FILE_FLAG) return nonEmpty(argv[i + 1]);
  }
  return undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value : undefined;
}

export interface AppPaths {
  /** dist/electron: the bundles and the sql.js wasm. */
  electronDir: string;
  preload: string;
  /** Outside app.asar: worker_threads cannot load scripts from inside an asar archive. */
  worker: string;
  rendererRoot: string;
  rendererIndex: string;
  rendererIndexUrl: string;
}

/**
 * Paths of the built app, from the directory of the main bundle (`__dirname` of main.cjs). In a
 * packaged build that directory is inside app.asar; electron-builder's `asarUnpack` puts the worker
 * and the wasm in app.asar.unpacked, which is where the worker must be started from.
 */
export function appPaths(mainBundleDir: string): AppPaths {
  const electronDir = mainBundleDir;
  const distDir = path.dirname(electronDir);
  const rendererRoot = path.join(distDir, 'renderer');
  const rendererIndex = path.join(rendererRoot, 'index.html');
  return {
    electronDir,
    preload: path.join(electronDir, 'preload.cjs'),
    worker: unpackedPath(path.join(electronDir, 'backend-worker.cjs')),
    rendererRoot,
    rendererIndex,
    rendererIndexUrl: pathToFileURL(rendererIndex).href,
  };
}

/** `…/app.asar/x` → `…/app.asar.unpacked/x`; other paths unchanged. */
export function unpackedPath(p: string): string {
  return p.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}
