/**
 * The statistics computed from a count table and a multiplicity per unit (1 for the observed
 * data, how often a unit was drawn for a bootstrap resample). Plans hold what does not change
 * between resamples and the scratch arrays, so evaluating a resample allocates nothing.
 * Undefined values are NaN here; the public functions turn them into null.
 */
import type { CountTable } from './matrix';
import type { GwetWeights, Metric } from './types';

// ── % exact agreement (Gwet's p_a with identity weights) ─────────────────────────────────────

/** Per unit: agreeing ordered pairs ÷ all ordered pairs; NaN for units with fewer than 2 ratings. */
export function planExact(table: CountTable): Float64Array {
  const k = table.values.length;
  return table.raters.map((m, u) => {
    if (m < 2) return NaN;
    let agreeing = 0;
    for (let c = 0; c < k; c += 1) {
      const n = table.counts[u * k + c] ?? 0;
      agreeing += n * (n - 1);
    }
    return agreeing / (m * (m - 1));
  });
}

/** Mean over pairable units of their share of agreeing pairs, each unit weighted by w. */
export function exactOf(shares: Float64Array, w: Float64Array): number {
  let sum = 0;
  let units = 0;
  for (let u = 0; u < shares.length; u += 1) {
    const share = shares[u] ?? NaN;
    const weight = w[u] ?? 0;
    if (weight === 0 || Number.isNaN(share)) continue;
    sum += weight * share;
    units += weight;
  }
  return units === 0 ? NaN : sum / units;
}

// ── Krippendorff's alpha ──────────────────────────────────────────────────────────────────────

export interface AlphaPlan {
  metric: Metric;
  values: number[];
  pairable: Uint8Array;
  /** Per pairable unit and category: its ratings (a unit's coincidences sum to these by row). */
  unitMarginals: Float64Array;
  /** Per pairable unit: Σ o_ck δ²_ck, for the metrics whose δ does not depend on the data. */
  unitObserved: Float64Array;
  /**
   * For the ordinal metric, whose δ depends on the marginals of each resample: the unit's nonzero
   * coincidences, as (c · k + k', o_ck') pairs from entryStart[u] to entryStart[u + 1].
   */
  entryStart: Int32Array;
  entryCell: Int32Array;
  entryValue: Float64Array;
  distances: Float64Array;
  marginals: Float64Array;
}

/** Unit u's coincidences o_ck = n_c (n_k − [c = k]) / (m − 1) (Krippendorff 2011, section C). */
function unitCoincidences(table: CountTable, u: number): Array<[cell: number, value: number]> {
  const k = table.values.length;
  const m = table.raters[u] ?? 0;
  const cells: Array<[number, number]> = [];
  for (let c = 0; c < k; c += 1) {
    const nc = table.counts[u * k + c] ?? 0;
    if (nc === 0) continue;
    for (let d = 0; d < k; d += 1) {
      const nd = table.counts[u * k + d] ?? 0;
      const o = (nc * (c === d ? nd - 1 : nd)) / (m - 1);
      if (o !== 0) cells.push([c * k + d, o]);
    }
  }
  return cells;
}

export function planAlpha(table: CountTable, metric: Metric): AlphaPlan {
  const k = table.values.length;
  const units = table.raters.length;
  const pairable = Uint8Array.from(table.raters, (m) => (m >= 2 ? 1 : 0));
  const unitMarginals = table.counts.map((n, i) => (pairable[Math.floor(i / k)] ? n : 0));
  const plan: AlphaPlan = {
    metric,
    values: table.values,
    pairable,
    unitMarginals,
    unitObserved: new Float64Array(units),
    entryStart: new Int32Array(units + 1),
    entryCell: new Int32Array(0),
    entryValue: new Float64Array(0),
    distances: new Float64Array(k * k),
    marginals: new Float64Array(k),
  };
  const cells = Array.from({ length: units }, (_, u) => (pairable[u] ? unitCoincidences(table, u) : []));
  if (metric === 'ordinal') {
    const flat = cells.flat();
    cells.reduce((start, unit, u) => (plan.entryStart[u + 1] = start + unit.length), 0);
    plan.entryCell = Int32Array.from(flat, ([cell]) => cell);
    plan.entryValue = Float64Array.from(flat, ([, value]) => value);
  } else {
    fillDistances(plan);
    cells.forEach((unit, u) => {
      plan.unitObserved[u] = unit.reduce((sum, [cell, o]) => sum + o * (plan.distances[cell] ?? 0), 0);
    });
  }
  return plan;
}

/** Krippendorff's difference functions δ²(c, k) (Krippendorff 2011, sections C–F). */
function fillDistances(plan: AlphaPlan): void {
  const { values, distances, marginals } = plan;
  const k = values.length;
  for (let c = 0; c < k; c += 1) {
    let between = 0; // Σ n_g for g from c to d, built up as d moves right
    for (let d = c; d < k; d += 1) {
      between += marginals[d] ?? 0;
      const a = values[c] ?? 0;
      const b = values[d] ?? 0;
      let delta: number;
      if (plan.metric === 'nominal') delta = c === d ? 0 : 1;
      else if (plan.metric === 'interval') delta = (a - b) ** 2;
      else if (plan.metric === 'ratio') delta = a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
      else delta = c === d ? 0 : (between - ((marginals[c] ?? 0) + (marginals[d] ?? 0)) / 2) ** 2;
      distances[c * k + d] = delta;
      distances[d * k + c] = delta;
    }
  }
}

/** Σ_u w_u Σ o_ck δ²_ck for the ordinal metric, with this resample's distances. */
function ordinalObserved(plan: AlphaPlan, w: Float64Array): number {
  const { entryStart, entryCell, entryValue, distances, pairable } = plan;
  let observed = 0;
  for (let u = 0; u < pairable.length; u += 1) {
    const weight = w[u] ?? 0;
    if (weight === 0) continue;
    let unit = 0;
    for (let e = entryStart[u] ?? 0; e < (entryStart[u + 1] ?? 0); e += 1)
      unit += (entryValue[e] ?? 0) * (distances[entryCell[e] ?? 0] ?? 0);
    observed += weight * unit;
  }
  return observed;
}

/** α = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck over the units weighted by w. */
export function alphaOf(plan: AlphaPlan, w: Float64Array): number {
  const { marginals, distances, unitMarginals, unitObserved, pairable } = plan;
  const k = marginals.length;
  marginals.fill(0);
  let observed = 0;
  for (let u = 0; u < pairable.length; u += 1) {
    const weight = w[u] ?? 0;
    if (weight === 0 || pairable[u] === 0) continue;
    for (let c = 0; c < k; c += 1)
      marginals[c] = (marginals[c] ?? 0) + weight * (unitMarginals[u * k + c] ?? 0);
    observed += weight * (unitObserved[u] ?? 0);
  }
  let n = 0;
  for (let c = 0; c < k; c += 1) n += marginals[c] ?? 0;
  if (n <= 1) return NaN;
  if (plan.metric === 'ordinal') {
    fillDistances(plan);
    observed = ordinalObserved(plan, w);
  }
  let expected = 0;
  for (let c = 0; c < k; c += 1) {
    const mc = marginals[c] ?? 0;
    if (mc === 0) continue;
    for (let d = c + 1; d < k; d += 1) expected += 2 * mc * (marginals[d] ?? 0) * (distances[c * k + d] ?? 0);
  }
  return expected === 0 ? NaN : 1 - ((n - 1) * observed) / expected;
}

/** Pairable values in the units weighted by w (n of the coincidence matrix). */
export function pairableValuesOf(plan: AlphaPlan, raters: Float64Array, w: Float64Array): number {
  let n = 0;
  for (let u = 0; u < plan.pairable.length; u += 1) if (plan.pairable[u]) n += (w[u] ?? 0) * (raters[u] ?? 0);
  return n;
}

// ── Gwet's AC1 / AC2 ──────────────────────────────────────────────────────────────────────────

export interface GwetPlan {
  /** Per unit: Σ_k n_k (n*_k − 1) / (m (m − 1)), n*_k = Σ_l w_kl n_l; NaN below 2 ratings. */
  unitAgreement: Float64Array;
  /** Per unit and category: n_k / m (the unit's share in the chance-agreement term). */
  unitShares: Float64Array;
  /** T_w / (q (q − 1)): the factor of Σ π_k (1 − π_k) in p_e. NaN for a one-category scale. */
  chanceFactor: number;
  pi: Float64Array;
}

/** Weights of Gwet (2014, ch. 3) as in irrCAC: 1 on the diagonal, 0 between the extremes. */
export function gwetWeights(values: readonly number[], kind: GwetWeights): Float64Array {
  const k = values.length;
  const out = new Float64Array(k * k);
  const range = (values[k - 1] ?? 0) - (values[0] ?? 0);
  const rankDistance = (i: number, j: number) => {
    const span = Math.abs(i - j) + 1;
    return (span * (span - 1)) / 2;
  };
  const maxRank = rankDistance(0, k - 1);
  for (let i = 0; i < k; i += 1)
    for (let j = 0; j < k; j += 1) {
      const gap = Math.abs((values[i] ?? 0) - (values[j] ?? 0));
      let weight: number;
      if (i === j || kind === 'identity') weight = i === j ? 1 : 0;
      else if (kind === 'linear') weight = 1 - gap / range;
      else if (kind === 'quadratic') weight = 1 - (gap / range) ** 2;
      else weight = 1 - rankDistance(i, j) / maxRank;
      out[i * k + j] = weight;
    }
  return out;
}

export function planGwet(table: CountTable, kind: GwetWeights): GwetPlan {
  const k = table.values.length;
  const weights = gwetWeights(table.values, kind);
  const units = table.raters.length;
  const unitAgreement = new Float64Array(units).fill(NaN);
  const unitShares = new Float64Array(units * k);
  for (let u = 0; u < units; u += 1) {
    const m = table.raters[u] ?? 0;
    let agreement = 0;
    for (let c = 0; c < k; c += 1) {
      const n = table.counts[u * k + c] ?? 0;
      unitShares[u * k + c] = n / m;
      if (n === 0) continue;
      let weighted = 0;
      for (let d = 0; d < k; d += 1) weighted += (weights[c * k + d] ?? 0) * (table.counts[u * k + d] ?? 0);
      agreement += n * (weighted - 1);
    }
    if (m >= 2) unitAgreement[u] = agreement / (m * (m - 1));
  }
  const totalWeight = weights.reduce((s, x) => s + x, 0);
  const chanceFactor = k < 2 ? NaN : totalWeight / (k * (k - 1));
  return { unitAgreement, unitShares, chanceFactor, pi: new Float64Array(k) };
}

/** (p_a − p_e) / (1 − p_e), Gwet (2014) for any number of raters with missing ratings. */
export function gwetOf(plan: GwetPlan, w: Float64Array): number {
  const { unitAgreement, unitShares, pi } = plan;
  const k = pi.length;
  pi.fill(0);
  let agreement = 0;
  let pairableUnits = 0;
  let ratedUnits = 0;
  for (let u = 0; u < unitAgreement.length; u += 1) {
    const weight = w[u] ?? 0;
    if (weight === 0) continue;
    ratedUnits += weight;
    for (let c = 0; c < k; c += 1) pi[c] = (pi[c] ?? 0) + weight * (unitShares[u * k + c] ?? 0);
    const a = unitAgreement[u] ?? NaN;
    if (Number.isNaN(a)) continue;
    agreement += weight * a;
    pairableUnits += weight;
  }
  if (pairableUnits === 0) return NaN;
  let spread = 0;
  for (let c = 0; c < k; c += 1) {
    const p = (pi[c] ?? 0) / ratedUnits;
    spread += p * (1 - p);
  }
  const pa = agreement / pairableUnits;
  const pe = plan.chanceFactor * spread;
  return pe >= 1 ? NaN : (pa - pe) / (1 - pe);
}

/** Σ w over units with ≥ 2 ratings: the denominator of exactOf, for pooling across criteria. */
export function pairableWeight(shares: Float64Array, w: Float64Array): number {
  let units = 0;
  for (let u = 0; u < shares.length; u += 1) if (!Number.isNaN(shares[u] ?? NaN)) units += w[u] ?? 0;
  return units;
}
