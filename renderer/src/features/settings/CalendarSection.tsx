import { useEffect, useId, useMemo, useState } from 'react';
import type { KpiSettings } from '../../../../shared/kpi/settings';
import { FieldError, describedBy, useFieldErrors } from './fieldErrors';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC', 'Europe/Berlin', 'Europe/London', 'America/New_York'];
  }
}

interface CalendarSectionProps {
  calendar: KpiSettings['calendar'];
  onChange(patch: Partial<KpiSettings['calendar']>): void;
}

/** Business calendar for resolution times: working days, opening hours, holidays, time zone. */
export function CalendarSection({ calendar, onChange }: CalendarSectionProps) {
  const id = useId();
  const { errors, reportInputError } = useFieldErrors();
  const zones = useMemo(timeZones, []);
  const [holidayText, setHolidayText] = useState(calendar.holidays.join('\n'));
  const [seen, setSeen] = useState(calendar.holidays);
  if (seen !== calendar.holidays) {
    setSeen(calendar.holidays);
    if (holidayText.split(/\s+/).filter(Boolean).join('\n') !== calendar.holidays.join('\n'))
      setHolidayText(calendar.holidays.join('\n'));
  }
  const badHolidays = holidayText.split(/[\s,;]+/).filter((d) => d && !/^\d{4}-\d{2}-\d{2}$/.test(d));
  const holidayError =
    badHolidays.length > 0
      ? `Not a date: ${badHolidays.slice(0, 3).join(', ')}. Write dates as YYYY-MM-DD, one per line.`
      : errors['calendar.holidays'];
  const invalid = (key: string) => (errors[key] ? true : undefined);
  // Unreadable holiday text keeps the last good list in the draft: saving waits until it reads.
  const unreadable = badHolidays.length > 0 ? holidayError : null;
  useEffect(() => {
    reportInputError('calendar.holidays', unreadable ?? null);
    return () => reportInputError('calendar.holidays', null);
  }, [unreadable, reportInputError]);

  function toggleDay(day: number) {
    const set = new Set(calendar.workingDays);
    if (set.has(day)) set.delete(day);
    else set.add(day);
    onChange({ workingDays: [...set].sort((a, b) => a - b) });
  }

  return (
    <fieldset className="panel settings-section">
      <legend>Business calendar</legend>
      <p className="hint">
        Average resolution time counts only these hours. Changing them recomputes every interaction.
      </p>
      <div className="field">
        <span className="label">Working days</span>
        <div
          className="weekdays"
          role="group"
          aria-label="Working days"
          aria-describedby={describedBy(errors['calendar.workingDays'] && `${id}-days-error`)}
        >
          {WEEKDAYS.map((label, i) => (
            <label key={label} className="check">
              <input
                type="checkbox"
                checked={calendar.workingDays.includes(i + 1)}
                onChange={() => toggleDay(i + 1)}
              />
              {label}
            </label>
          ))}
        </div>
        <FieldError id={`${id}-days-error`} message={errors['calendar.workingDays']} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-open`}>Opens</label>
          <input
            id={`${id}-open`}
            type="time"
            value={calendar.open}
            aria-invalid={invalid('calendar.open')}
            aria-describedby={describedBy(errors['calendar.open'] && `${id}-open-error`)}
            onChange={(e) => e.target.value && onChange({ open: e.target.value })}
          />
          <FieldError id={`${id}-open-error`} message={errors['calendar.open']} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-close`}>Closes</label>
          <input
            id={`${id}-close`}
            type="time"
            value={calendar.close}
            aria-invalid={invalid('calendar.close')}
            aria-describedby={describedBy(errors['calendar.close'] && `${id}-close-error`)}
            onChange={(e) => e.target.value && onChange({ close: e.target.value })}
          />
          <FieldError id={`${id}-close-error`} message={errors['calendar.close']} />
        </div>
        <div className="field grow">
          <label htmlFor={`${id}-tz`}>Time zone</label>
          <input
            id={`${id}-tz`}
            list={`${id}-zones`}
            value={calendar.timeZone}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={invalid('calendar.timeZone')}
            aria-describedby={describedBy(errors['calendar.timeZone'] && `${id}-tz-error`)}
            onChange={(e) => onChange({ timeZone: e.target.value })}
          />
          <FieldError id={`${id}-tz-error`} message={errors['calendar.timeZone']} />
          <datalist id={`${id}-zones`}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-holidays`}>Holidays (YYYY-MM-DD, one per line)</label>
        <textarea
          id={`${id}-holidays`}
          rows={3}
          value={holidayText}
          onChange={(e) => {
            setHolidayText(e.target.value);
            const days = e.target.value.split(/[\s,;]+/).filter(Boolean);
            if (days.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)))
              onChange({ holidays: [...new Set(days)].sort() });
          }}
          aria-invalid={holidayError ? true : undefined}
          aria-describedby={describedBy(holidayError && `${id}-holidays-error`)}
        />
        <FieldError id={`${id}-holidays-error`} message={holidayError} />
      </div>
    </fieldset>
  );
}
