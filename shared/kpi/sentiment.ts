/**
 * Offline, lexicon-based sentiment of a customer comment: +1 positive, −1 negative, 0 neutral.
 * Small on purpose (English and German service vocabulary); a negator flips the next sentiment
 * word of its clause.
 */
const POSITIVE = new Set(
  'good great excellent amazing awesome helpful friendly fast quick quickly resolved solved thanks thank perfect happy satisfied love loved pleased polite professional easy kind patient clear efficient wonderful fantastic best recommend appreciated super gut toll danke freundlich schnell hilfreich zufrieden perfekt super prima'.split(
    ' ',
  ),
);
const NEGATIVE = new Set(
  'bad poor terrible awful horrible slow rude unhelpful useless angry annoyed annoying disappointed disappointing frustrated frustrating worst waiting waited wait never problem problems issue broken wrong unresolved complaint hate hated confusing difficult hard cancel cancelled schlecht langsam unfreundlich ärgerlich enttäuscht nie problem falsch kaputt warten schlimm'.split(
    ' ',
  ),
);
const NEGATORS = new Set(['not', "n't", 'no', 'never', 'nicht', 'kein', 'keine', 'nobody', 'hardly']);

export function lexiconSentiment(comment: string | null): -1 | 0 | 1 | null {
  if (comment === null) return null;
  const words = comment.toLowerCase().match(/[\p{L}']+|[.,;:!?]/gu);
  if (!words?.some((w) => /\p{L}/u.test(w))) return null;
  let score = 0;
  let negate = false;
  for (const raw of words) {
    // "Never again. Terrible": a negation does not reach into the next clause.
    if (/^[.,;:!?]$/.test(raw)) {
      negate = false;
      continue;
    }
    const word = raw.replace(/^'+|'+$/g, '');
    if (NEGATORS.has(word) || word.endsWith("n't")) {
      negate = true;
      continue;
    }
    const s = POSITIVE.has(word) ? 1 : NEGATIVE.has(word) ? -1 : 0;
    if (s !== 0) {
      score += negate ? -s : s;
      negate = false;
    }
  }
  return score > 0 ? 1 : score < 0 ? -1 : 0;
}
