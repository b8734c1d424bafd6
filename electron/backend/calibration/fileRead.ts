import fs from 'node:fs';
import path from 'node:path';
import type { ZodError } from 'zod';
import {
  ANSWERS_FORMAT,
  CALIBRATION_FILE_VERSION,
  PACKET_FORMAT,
  answersFileSchema,
  packetFileSchema,
  type AnswersFile,
  type PacketFile,
} from '../../../shared/calibration/files';
import { UserFacingError } from '../../../shared/ipc/result';
import { parseDefinition } from '../reviews/forms';
import { contentHashOf } from './hash';

/** Far above any real packet (ten interactions' facts and a form), far below what would hurt. */
const MAX_BYTES = 10 * 1024 * 1024;

type Kind = 'packet' | 'answers';
const WORDS: Record<Kind, string> = { packet: 'calibration packet', answers: 'calibration answers file' };

/** Reads a file the user chose; every failure is a sentence naming the file. */
export function readChosenFile(file: string, kind: Kind): string {
  const name = path.basename(file);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (error) {
    throw new UserFacingError('user_error', `${name} could not be read: ${(error as Error).message}`);
  }
  if (size > MAX_BYTES)
    throw new UserFacingError(
      'invalid_input',
      `${name} is ${(size / 1024 / 1024).toFixed(1)} MB: far too large for a ${WORDS[kind]}, so it is not one.`,
    );
  return fs.readFileSync(file, 'utf8');
}

function parseJson(text: string, kind: Kind, name: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new UserFacingError('invalid_input', `${name} is not a ${WORDS[kind]}: it is not JSON.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UserFacingError('invalid_input', `${name} is not a ${WORDS[kind]}.`);
  return value as Record<string, unknown>;
}

function checkFormat(record: Record<string, unknown>, kind: Kind, name: string): void {
  const expected = kind === 'packet' ? PACKET_FORMAT : ANSWERS_FORMAT;
  if (record.format === expected) {
    if (record.formatVersion !== CALIBRATION_FILE_VERSION)
      throw new UserFacingError(
        'invalid_input',
        `${name} was written by a newer version of Agent Scorecard (format version ${String(record.formatVersion)}). Update the app to open it.`,
      );
    return;
  }
  if (kind === 'packet' && record.format === ANSWERS_FORMAT)
    throw new UserFacingError(
      'invalid_input',
      `${name} is an answers file, not a packet: the lead imports it under Reviews ▸ Calibration ▸ Import answers.`,
    );
  if (kind === 'answers' && record.format === PACKET_FORMAT)
    throw new UserFacingError(
      'invalid_input',
      `${name} is a calibration packet, not an answers file: an evaluator opens it with File ▸ Open calibration packet, scores it and sends back the answers file.`,
    );
  throw new UserFacingError(
    'invalid_input',
    `${name} is not a ${WORDS[kind]} exported from Agent Scorecard.`,
  );
}

function damaged(error: ZodError, kind: Kind, name: string): never {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new UserFacingError(
    'invalid_input',
    `${name} is damaged and was not used: ${issue?.message ?? 'unexpected content'}${where}.`,
    { issues: error.issues.slice(0, 10) },
  );
}

function checkHash(file: { contentHash: string }, kind: Kind, name: string, sender: string): void {
  if (contentHashOf(file) === file.contentHash) return;
  throw new UserFacingError(
    'invalid_input',
    `${name} was changed after it was exported: its content hash does not match, so it cannot be trusted and nothing was changed. Ask ${sender} to export the ${WORDS[kind]} again.`,
  );
}

/** A packet as exported, checked: format, shape, content hash and the form definition. */
export function parsePacket(text: string, name: string): PacketFile {
  const record = parseJson(text, 'packet', name);
  checkFormat(record, 'packet', name);
  const parsed = packetFileSchema.safeParse(record);
  if (!parsed.success) damaged(parsed.error, 'packet', name);
  checkHash(parsed.data, 'packet', name, parsed.data.session.exportedBy || 'the lead');
  const definition = parseDefinition(parsed.data.form.definition);
  return { ...parsed.data, form: { ...parsed.data.form, definition } } as PacketFile;
}

/** An answers file as exported, checked: format, shape and content hash. */
export function parseAnswers(text: string, name: string): AnswersFile {
  const record = parseJson(text, 'answers', name);
  checkFormat(record, 'answers', name);
  const parsed = answersFileSchema.safeParse(record);
  if (!parsed.success) damaged(parsed.error, 'answers', name);
  checkHash(parsed.data, 'answers', name, parsed.data.evaluator);
  return parsed.data;
}
