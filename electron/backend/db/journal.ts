import { crc32 } from 'node:zlib';
import type { WriteEntry } from './database';

/**
 * Journal framing: `[u32 LE payload length][u32 LE crc32(payload)][payload]`, payload = UTF-8 JSON
 * `{seq, entries}`. The length + crc let replay tell a torn final append (never acknowledged) from
 * damage in the middle of the file (acknowledged data lost).
 */
export const FRAME_HEADER_BYTES = 8;
/** One journaled transaction larger than this is not something the app writes: treat as damage. */
export const MAX_RECORD_BYTES = 256 * 1024 * 1024;

export interface JournalRecord {
  seq: number;
  entries: WriteEntry[];
}

export function encodeRecord(record: JournalRecord): Buffer {
  const payload = Buffer.from(JSON.stringify(record, encodeValue), 'utf8');
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + payload.length);
  frame.writeUInt32LE(payload.length, 0);
  frame.writeUInt32LE(crc32(payload), 4);
  payload.copy(frame, FRAME_HEADER_BYTES);
  return frame;
}

export type ParseOutcome =
  | { kind: 'ok'; records: JournalRecord[]; validBytes: number; tornBytes: number }
  | { kind: 'corrupt'; offset: number; reason: string };

/**
 * Splits a journal into records. A bad record that reaches the end of the file is a torn append
 * and is dropped (`tornBytes`); a bad record followed by more data means acknowledged writes are
 * unreadable, which is corruption.
 */
export function parseJournal(bytes: Buffer): ParseOutcome {
  const records: JournalRecord[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const remaining = bytes.length - offset;
    const bad = (reason: string, recordEnd: number): ParseOutcome | null =>
      recordEnd >= bytes.length || isZeroFrom(bytes, offset) ? null : { kind: 'corrupt', offset, reason };
    if (remaining < FRAME_HEADER_BYTES) break;
    const length = bytes.readUInt32LE(offset);
    const crc = bytes.readUInt32LE(offset + 4);
    const end = offset + FRAME_HEADER_BYTES + length;
    if (length === 0 || length > MAX_RECORD_BYTES) {
      const outcome = bad(`invalid record length ${length}`, end);
      if (outcome) return outcome;
      break;
    }
    if (end > bytes.length) break;
    const payload = bytes.subarray(offset + FRAME_HEADER_BYTES, end);
    let record: JournalRecord | null = null;
    if (crc32(payload) === crc) record = decodePayload(payload);
    if (!record) {
      const outcome = bad(crc32(payload) === crc ? 'unreadable record' : 'checksum mismatch', end);
      if (outcome) return outcome;
      break;
    }
    records.push(record);
    offset = end;
  }
  return { kind: 'ok', records, validBytes: offset, tornBytes: bytes.length - offset };
}

function isZeroFrom(bytes: Buffer, offset: number): boolean {
  for (let i = offset; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

function decodePayload(payload: Buffer): JournalRecord | null {
  try {
    const value = JSON.parse(payload.toString('utf8'), decodeValue) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { seq, entries } = value as { seq?: unknown; entries?: unknown };
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || !Array.isArray(entries)) return null;
    for (const entry of entries as unknown[]) {
      if (typeof entry !== 'object' || entry === null) return null;
      if (typeof (entry as { sql?: unknown }).sql !== 'string') return null;
    }
    return { seq, entries: entries as WriteEntry[] };
  } catch {
    return null;
  }
}

/** JSON has no blobs or non-finite numbers; SQLite values can be both. */
function encodeValue(_key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return { $blob: Buffer.from(value).toString('base64') };
  if (typeof value === 'number' && !Number.isFinite(value)) return { $num: String(value) };
  if (typeof value === 'bigint') return { $num: value.toString() };
  return value;
}

function decodeValue(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1) {
      const v = value as { $blob?: unknown; $num?: unknown };
      if (typeof v.$blob === 'string') return new Uint8Array(Buffer.from(v.$blob, 'base64'));
      if (typeof v.$num === 'string') return Number(v.$num);
    }
  }
  return value;
}
