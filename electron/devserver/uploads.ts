import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { ChosenFile } from '../../shared/ipc/contracts/shell';

export const FILE_NAME_HEADER = 'x-scorecard-file-name';
export const DEFAULT_UPLOAD_LIMIT_BYTES = 2 * 1024 ** 3;

export class UploadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Keeps the user's file name recognisable while making it safe as a single path segment. */
export function safeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .slice(-120);
  return cleaned || 'upload';
}

/**
 * Streams a raw request body to `dir`, never buffering it whole: imports can be hundreds of MB.
 * The size cap is enforced while streaming, since Content-Length may be absent or wrong.
 */
export async function receiveUpload(
  req: IncomingMessage,
  dir: string,
  limitBytes: number,
): Promise<ChosenFile> {
  const header = req.headers[FILE_NAME_HEADER];
  if (typeof header !== 'string' || header === '')
    throw new UploadError(400, `Missing ${FILE_NAME_HEADER} header`);
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    throw new UploadError(400, 'File name header is not valid URI encoding');
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limitBytes)
    throw new UploadError(413, `File is larger than the ${formatBytes(limitBytes)} limit`);

  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `${randomUUID()}-${safeFileName(name)}`);
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limitBytes)
        done(new UploadError(413, `File is larger than the ${formatBytes(limitBytes)} limit`));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(req, counter, fs.createWriteStream(target, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    fs.rmSync(target, { force: true });
    throw error instanceof UploadError ? error : new UploadError(400, `Upload failed: ${String(error)}`);
  }
  return { path: target, name: safeFileName(name), size };
}

function formatBytes(n: number): string {
  return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(0)} GB` : `${(n / 1024 ** 2).toFixed(0)} MB`;
}
