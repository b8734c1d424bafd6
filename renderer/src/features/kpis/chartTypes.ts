/** Shapes shared by the chart modules (kept free of chart.js and React so pure code can use them). */

export interface ChartPoint {
  /** Day index: 0 is the first day of the range. */
  x: number;
  /** null leaves a gap: a bucket without data is never drawn as 0. */
  y: number | null;
  /** Denominator behind y (responses, handled interactions…), when known. */
  n?: number;
  /** Why the bucket is partial ("3 of 7 days"), or null for a whole bucket. */
  partial?: string | null;
}

export interface ChartSeries {
  label: string;
  points: ChartPoint[];
  color: string;
  dashed?: boolean;
  width?: number;
  /** Draw dots on the points (sparse series such as weekly buckets). */
  dots?: boolean;
  /** A reference line (the target): not data, so it neither counts as data nor gets n or marks. */
  reference?: boolean;
}

export interface ChartMarker {
  x: number;
  label: string;
}

/** Hard limits of a value axis (percentages 0–100, NPS −100–100, durations ≥ 0). */
export interface ValueClamp {
  min?: number;
  max?: number;
}
