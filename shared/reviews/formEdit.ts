import {
  ratingValues,
  type CriterionScale,
  type ReviewCriterion,
  type ReviewFormDefinition,
  type ReviewSection,
} from './form';

/**
 * Pure edits of a form definition for the form editor. Every function returns a new definition and
 * leaves its input alone, so the editor can compare a draft with what was loaded.
 */

/** Where a criterion sits: section index, then index inside the section. */
export interface CriterionAt {
  section: number;
  criterion: number;
}

/** Moves one item of a list by `delta` places; out of range leaves the list as it is. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

const mapSection = (
  form: ReviewFormDefinition,
  index: number,
  change: (s: ReviewSection) => ReviewSection,
): ReviewFormDefinition => ({
  ...form,
  sections: form.sections.map((s, i) => (i === index ? change(s) : s)),
});

export function updateSection(
  form: ReviewFormDefinition,
  index: number,
  patch: Partial<Omit<ReviewSection, 'criteria' | 'id'>>,
): ReviewFormDefinition {
  return mapSection(form, index, (s) => ({ ...s, ...patch }));
}

export function updateCriterion(
  form: ReviewFormDefinition,
  at: CriterionAt,
  change: (c: ReviewCriterion) => ReviewCriterion,
): ReviewFormDefinition {
  return mapSection(form, at.section, (s) => ({
    ...s,
    criteria: s.criteria.map((c, i) => (i === at.criterion ? change(c) : c)),
  }));
}

export function moveSection(form: ReviewFormDefinition, index: number, delta: -1 | 1): ReviewFormDefinition {
  return { ...form, sections: moveItem(form.sections, index, delta) };
}

/**
 * Moves a criterion one place up or down. At the edge of its section it crosses into the
 * neighbouring section (last place going up, first place going down), so the buttons alone can
 * take a criterion anywhere in the form. Returns null when there is nowhere to go.
 */
export function moveCriterion(
  form: ReviewFormDefinition,
  at: CriterionAt,
  delta: -1 | 1,
): { form: ReviewFormDefinition; at: CriterionAt } | null {
  const section = form.sections[at.section];
  const criterion = section?.criteria[at.criterion];
  if (!section || !criterion) return null;
  const inside = at.criterion + delta;
  if (inside >= 0 && inside < section.criteria.length) {
    const next = mapSection(form, at.section, (s) => ({
      ...s,
      criteria: moveItem(s.criteria, at.criterion, delta),
    }));
    return { form: next, at: { section: at.section, criterion: inside } };
  }
  const targetIndex = at.section + delta;
  const target = form.sections[targetIndex];
  if (!target) return null;
  const sections = form.sections.map((s, i) => {
    if (i === at.section) return { ...s, criteria: s.criteria.filter((_, j) => j !== at.criterion) };
    if (i === targetIndex)
      return { ...s, criteria: delta < 0 ? [...s.criteria, criterion] : [criterion, ...s.criteria] };
    return s;
  });
  return {
    form: { ...form, sections },
    at: { section: targetIndex, criterion: delta < 0 ? target.criteria.length : 0 },
  };
}

/** Ids of every section and criterion, which new ones must not repeat. */
function takenIds(form: ReviewFormDefinition): Set<string> {
  const ids = new Set<string>();
  for (const s of form.sections) {
    ids.add(s.id);
    for (const c of s.criteria) ids.add(c.id);
  }
  return ids;
}

/**
 * A new id. Criterion ids carry answers across versions, so a new criterion must never reuse the id
 * of one removed earlier (old answers would count for it): the suffix comes from `random`, not a
 * counter, and is checked against the draft.
 */
export function freshId(form: ReviewFormDefinition, prefix: string, random: () => string): string {
  const taken = takenIds(form);
  for (;;) {
    const id = `${prefix}_${random()}`;
    if (!taken.has(id)) return id;
  }
}

export function blankCriterion(id: string): ReviewCriterion {
  return { id, label: '', scale: '1-5', weight: 1, anchors: {} };
}

export function addCriterion(
  form: ReviewFormDefinition,
  sectionIndex: number,
  random: () => string,
): { form: ReviewFormDefinition; at: CriterionAt } {
  const criterion = blankCriterion(freshId(form, 'criterion', random));
  const length = form.sections[sectionIndex]?.criteria.length ?? 0;
  const next = mapSection(form, sectionIndex, (s) => ({ ...s, criteria: [...s.criteria, criterion] }));
  return { form: next, at: { section: sectionIndex, criterion: length } };
}

export function removeCriterion(form: ReviewFormDefinition, at: CriterionAt): ReviewFormDefinition {
  return mapSection(form, at.section, (s) => ({
    ...s,
    criteria: s.criteria.filter((_, i) => i !== at.criterion),
  }));
}

export function addSection(form: ReviewFormDefinition, random: () => string): ReviewFormDefinition {
  const id = freshId(form, 'section', random);
  const withSection = { ...form, sections: [...form.sections, { id, label: '', criteria: [] }] };
  // A section needs a criterion to be valid; starting with an empty one saves a click.
  const criterion = blankCriterion(freshId(withSection, 'criterion', random));
  return mapSection(withSection, withSection.sections.length - 1, (s) => ({ ...s, criteria: [criterion] }));
}

export function removeSection(form: ReviewFormDefinition, index: number): ReviewFormDefinition {
  return { ...form, sections: form.sections.filter((_, i) => i !== index) };
}

/** The anchor keys a criterion offers: each rating as text, then "na" when N/A is allowed. */
export function anchorKeys(criterion: ReviewCriterion): string[] {
  const keys = ratingValues(criterion).map(String);
  return criterion.allowNa ? [...keys, 'na'] : keys;
}

/** Words for a rating in the editor: "Yes"/"No", "3", "2 points", "N/A". */
export function ratingLabel(scale: CriterionScale, key: string): string {
  if (key === 'na') return 'N/A';
  if (scale === 'yes_no_na') return key === '1' ? 'Yes' : 'No';
  if (scale === 'points') return key === '1' ? '1 point' : `${key} points`;
  return key;
}

/**
 * A scale change keeps anchor texts (they come back if the lead switches back before saving;
 * `cleanDefinition` drops those the scale does not use). A pass minimum of the old scale means
 * nothing on the new one, so it goes back to the default.
 */
export function changeScale(criterion: ReviewCriterion, scale: CriterionScale): ReviewCriterion {
  const { passMinimum: _drop, maxPoints, ...rest } = criterion;
  return scale === 'points' ? { ...rest, scale, maxPoints: maxPoints ?? 2 } : { ...rest, scale };
}

const blankToUndefined = (text: string | undefined) => (text?.trim() ? text : undefined);

/**
 * What is saved or previewed: blank descriptions and anchors are left out, anchors of ratings the
 * scale does not have are dropped, and options that mean nothing (a pass minimum without the
 * critical flag) go. Labels are trimmed.
 */
export function cleanDefinition(form: ReviewFormDefinition): ReviewFormDefinition {
  const description = blankToUndefined(form.description);
  return {
    name: form.name.trim(),
    ...(description !== undefined && { description }),
    ...(form.criticalFailure !== undefined && { criticalFailure: form.criticalFailure }),
    sections: form.sections.map((s) => {
      const sectionDescription = blankToUndefined(s.description);
      return {
        id: s.id,
        label: s.label.trim(),
        ...(sectionDescription !== undefined && { description: sectionDescription }),
        criteria: s.criteria.map(cleanCriterion),
      };
    }),
  };
}

function cleanCriterion(c: ReviewCriterion): ReviewCriterion {
  const keys = new Set(anchorKeys(c));
  const anchors = Object.fromEntries(
    Object.entries(c.anchors).filter(([key, text]) => keys.has(key) && text.trim() !== ''),
  );
  const description = blankToUndefined(c.description);
  return {
    id: c.id,
    label: c.label.trim(),
    ...(description !== undefined && { description }),
    scale: c.scale,
    ...(c.scale === 'points' && { maxPoints: c.maxPoints }),
    weight: c.weight,
    ...(c.critical && { critical: true }),
    ...(c.critical && c.passMinimum !== undefined && { passMinimum: c.passMinimum }),
    ...(c.allowNa && { allowNa: true }),
    anchors,
  };
}

/**
 * Each criterion's share of the whole score when every criterion applies: its weight over the sum
 * of all weights (N/A answers drop a criterion out, so in a given review the others weigh more).
 * Weights that are not numbers count as 0; with nothing to share, every share is null.
 */
export function weightShares(form: ReviewFormDefinition): {
  criteria: Map<string, number | null>;
  sections: Map<string, number | null>;
} {
  const weightOf = (c: ReviewCriterion) => (Number.isFinite(c.weight) ? Math.max(0, c.weight) : 0);
  const total = form.sections.reduce((sum, s) => sum + s.criteria.reduce((t, c) => t + weightOf(c), 0), 0);
  const criteria = new Map<string, number | null>();
  const sections = new Map<string, number | null>();
  for (const s of form.sections) {
    let sectionWeight = 0;
    for (const c of s.criteria) {
      criteria.set(c.id, total > 0 ? weightOf(c) / total : null);
      sectionWeight += weightOf(c);
    }
    sections.set(s.id, total > 0 ? sectionWeight / total : null);
  }
  return { criteria, sections };
}

/** "12.5% of the score"; one decimal only where it is needed to tell shares apart. */
export function formatShare(share: number | null): string {
  if (share === null) return 'no share (every weight is 0)';
  const percent = share * 100;
  const text = Number.isInteger(Math.round(percent * 10) / 10)
    ? Math.round(percent).toString()
    : percent.toFixed(1);
  return `${text}% of the score`;
}
