/**
 * Parser worker of a big CSV import: papaparse + row validation on the second core while the
 * backend thread writes the previous chunk. Bundled as dist/electron/import-parser.cjs; run from
 * sources through a tsx bootstrap (see parser.ts). Protocol in parser.ts.
 */
import { parentPort } from 'node:worker_threads';
import { compileMapping } from '../../../shared/import/rows';
import { UserFacingError } from '../../../shared/ipc/result';
import { openCsv } from './source';
import { ChunkValidator } from './validate';
import type { ParserRequest, ParserMessage } from './parser';

const port = parentPort;
if (!port) throw new Error('parser-worker must run in a worker thread');

let credits = 0;
let wake: (() => void) | null = null;

port.on('message', (message: ParserRequest) => {
  if (message.type === 'more') {
    credits += 1;
    wake?.();
    wake = null;
  } else {
    credits = message.credits;
    run(message).catch((error: unknown) => {
      post({
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
        ...(error instanceof UserFacingError ? { code: error.code } : {}),
      });
    });
  }
});
post({ type: 'ready' });

function post(message: ParserMessage, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

async function run(job: Extract<ParserRequest, { type: 'start' }>): Promise<void> {
  const source = openCsv(job.text, job.encoding, job.fileName, job.text.length, '');
  const compiled = compileMapping(source.headers, job.mapping, job.options, job.samples);
  const validator = new ChunkValidator(compiled, source.headers, source.delimiter);
  let parseMs = 0;
  let validateMs = 0;
  const chunks = source.chunks(job.chunkRows);
  for (;;) {
    let t = performance.now();
    const next = await chunks.next();
    parseMs += performance.now() - t;
    if (next.done) break;
    t = performance.now();
    const { rows, rowNumbers, progress } = next.value;
    const { packed, transfer } = validator.runPacked(rows, rowNumbers, progress);
    validateMs += performance.now() - t;
    while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
    credits -= 1;
    post({ type: 'batch', batch: packed }, transfer);
  }
  post({ type: 'done', stats: validator.stats, parseMs, validateMs });
}
