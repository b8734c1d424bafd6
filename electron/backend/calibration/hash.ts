import { createHash } from 'node:crypto';
import { canonicalJson, hashedPart } from '../../../shared/calibration/files';

/** "sha256:" + hex digest of the text (UTF-8). */
export const sha256 = (text: string): string =>
  `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;

/** The hash a calibration file carries: of its canonical JSON without the hash field. */
export const contentHashOf = (file: object): string => sha256(canonicalJson(hashedPart(file)));

/** A form definition's own hash: the answers file names the exact version it was scored on. */
export const definitionHash = (definition: unknown): string => sha256(canonicalJson(definition));
