import { targetRange, type TargetUnit } from '../../../../shared/kpi/targetUnits';
import { DurationField, NumberField } from './fields';

/** The unit a target is typed in, beside the KPI's name. */
export function unitLabel(unit: TargetUnit): string {
  switch (unit.kind) {
    case 'percent':
      return '%';
    case 'nps':
      return 'score −100 to 100';
    case 'rating':
      return `rating 1–${unit.scale}`;
    case 'seconds':
      return 'time';
    case 'count':
      return 'count';
    case 'per_hour':
      return 'per hour';
  }
}

/** A target input in the KPI's unit: a time field for seconds, a number field otherwise. */
export function TargetInput(props: {
  unit: TargetUnit;
  ariaLabel: string;
  name: string;
  value: number | null;
  onChange(value: number | null): void;
  /** A sentence to show instead of the one the settings page holds for `name`. */
  error?: string | null;
  /** False where unreadable text must not hold up saving (a box whose value is not a setting yet). */
  holdsSave?: boolean;
}) {
  const { unit, holdsSave, ...field } = props;
  if (unit.kind === 'seconds')
    return <DurationField {...field} holdsSave={holdsSave ?? true} className="field compact" />;
  const { min, max } = targetRange(unit);
  return <NumberField label="" {...field} className="field compact" min={min} max={max} optional />;
}
