import type { KpiSettings } from '../../../../shared/kpi/settings';
import { NumberField, SelectField } from './fields';

type Update = <K extends keyof KpiSettings>(section: K, patch: Partial<KpiSettings[K]>) => void;

interface SectionProps {
  draft: KpiSettings;
  update: Update;
}

export function CsatSection({ draft, update }: SectionProps) {
  const csat = draft.csat;
  return (
    <fieldset className="panel settings-section">
      <legend>CSAT</legend>
      <SelectField
        label="Calculation"
        value={csat.mode}
        options={[
          { value: 'threshold', label: '% of responses rated satisfied' },
          { value: 'mean', label: 'Mean rating' },
        ]}
        onChange={(mode) => update('csat', { mode })}
      />
      <SelectField
        label="Scale (when a response does not say)"
        value={csat.scale}
        options={[
          { value: 5, label: '1–5' },
          { value: 10, label: '1–10' },
        ]}
        onChange={(scale) => update('csat', { scale })}
      />
      <div className="field-row">
        <NumberField
          label="Satisfied from, 1–5 scale"
          value={csat.satisfiedMin5}
          min={1}
          max={5}
          step={1}
          onChange={(v) => v !== null && update('csat', { satisfiedMin5: v })}
        />
        <NumberField
          label="Satisfied from, 1–10 scale"
          value={csat.satisfiedMin10}
          min={1}
          max={10}
          step={1}
          onChange={(v) => v !== null && update('csat', { satisfiedMin10: v })}
        />
      </div>
      <p className="hint">
        Default: 4–5 of 5 and 8–10 of 10 count as satisfied. Mean mode ignores the thresholds.
      </p>
    </fieldset>
  );
}

export function NpsSection({ draft, update }: SectionProps) {
  const nps = draft.nps;
  return (
    <fieldset className="panel settings-section">
      <legend>NPS</legend>
      <div className="field-row">
        <NumberField
          label="Promoters from"
          value={nps.promoterMin}
          min={0}
          max={10}
          step={1}
          onChange={(v) => v !== null && update('nps', { promoterMin: v })}
        />
        <NumberField
          label="Detractors up to"
          value={nps.detractorMax}
          min={0}
          max={10}
          step={1}
          onChange={(v) => v !== null && update('nps', { detractorMax: v })}
        />
      </div>
      <div className="field-row">
        <NumberField
          label="Average band from"
          value={nps.averageMin}
          min={-100}
          max={100}
          onChange={(v) => v !== null && update('nps', { averageMin: v })}
        />
        <NumberField
          label="Average band to"
          value={nps.averageMax}
          min={-100}
          max={100}
          onChange={(v) => v !== null && update('nps', { averageMax: v })}
        />
        <NumberField
          label="Strong from"
          value={nps.strongMin}
          min={-100}
          max={100}
          onChange={(v) => v !== null && update('nps', { strongMin: v })}
        />
      </div>
      <p className="hint">NPS runs from −100 to 100. Without a target, the bands colour it.</p>
    </fieldset>
  );
}

export function EffortAndFcrSection({ draft, update }: SectionProps) {
  return (
    <fieldset className="panel settings-section">
      <legend>Customer effort and first contact resolution</legend>
      <div className="field-row">
        <SelectField
          label="Effort scale"
          value={draft.ces.scale}
          options={[
            { value: 5, label: '1–5' },
            { value: 7, label: '1–7' },
          ]}
          onChange={(scale) => update('ces', { scale })}
        />
        <SelectField
          label="A high effort score means"
          value={draft.ces.direction}
          options={[
            { value: 'high_is_easy', label: 'easy (higher is better)' },
            { value: 'high_is_hard', label: 'hard (lower is better)' },
          ]}
          onChange={(direction) => update('ces', { direction })}
        />
      </div>
      <div className="field-row">
        <SelectField
          label="FCR from"
          value={draft.fcr.mode}
          options={[
            { value: 'flag', label: 'the FCR flag in the export' },
            { value: 'repeat_window', label: 'repeat contacts on the same topic' },
          ]}
          onChange={(mode) => update('fcr', { mode })}
        />
        <NumberField
          label="Repeat window, days"
          value={draft.fcr.windowDays}
          min={1}
          max={90}
          step={1}
          onChange={(v) => v !== null && update('fcr', { windowDays: v })}
        />
      </div>
      <NumberField
        label="Near target within, % of the target"
        value={draft.status.warnTolerancePct}
        min={0}
        max={100}
        hint="Within this distance a KPI is amber, beyond it red."
        onChange={(v) => v !== null && update('status', { warnTolerancePct: v })}
      />
    </fieldset>
  );
}
