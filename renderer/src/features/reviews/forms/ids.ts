/**
 * The random part of a new section or criterion id. Criterion ids carry answers between versions,
 * so they must not repeat one removed earlier; eight base-36 characters make that vanishingly rare
 * and `freshId` still checks the draft.
 */
export const randomPart = (): string =>
  Math.floor(Math.random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0');
