import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startDevServer } from './server';

const USAGE = `Usage: npm run dev:browser -- [options]

Serves the renderer and an HTTP bridge to the real backend on 127.0.0.1 only.

  --data-file PATH   data file (default: ~/.agent-scorecard-dev/scorecard.db)
  --demo             seed a new data file with demo data (default when the file does not exist yet)
  --empty            start a new data file empty
  --port N           port to listen on (default: a free random port)
  --build            rebuild the renderer first (otherwise only when dist/renderer is missing or stale)
  --hmr              serve through Vite's dev server with hot module reload
  -h, --help         show this help`;

function defaultDataFile(): string {
  return path.join(os.homedir(), '.agent-scorecard-dev', 'scorecard.db');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-file': { type: 'string' },
      demo: { type: 'boolean', default: false },
      empty: { type: 'boolean', default: false },
      port: { type: 'string', default: '0' },
      build: { type: 'boolean', default: false },
      hmr: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.demo && values.empty) throw new Error('--demo and --empty exclude each other');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: not a port number: ${values.port}`);
  const dataFile = path.resolve(values['data-file'] ?? defaultDataFile());
  fs.mkdirSync(path.dirname(dataFile), { recursive: true });
  const seedDemo = !values.empty && (values.demo || !fs.existsSync(dataFile));

  const server = await startDevServer({
    dataFile,
    seedDemo,
    port,
    build: values.build ? 'always' : 'if-stale',
    hmr: values.hmr,
  });
  console.log(`[dev:browser] data file: ${dataFile}${seedDemo ? ' (demo data for a new file)' : ''}`);
  if (values.hmr) console.log(`[dev:browser] renderer: Vite dev server with HMR`);
  console.log(`[dev:browser] open ${server.launchUrl}`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`[dev:browser] ${signal}: closing the data file…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`[dev:browser] ${error instanceof Error ? error.message : String(error)}`);
  console.error(USAGE);
  process.exit(1);
});
