import type { KpiSettings } from '../../../../shared/kpi/settings';
import type { TargetChange } from '../../../../shared/kpi/targetUnits';
import type { KpiId } from '../../../../shared/kpi/types';
import { NumberField, SelectField } from './fields';

type Update = <K extends keyof KpiSettings>(section: K, patch: Partial<KpiSettings[K]>) => void;

interface SectionProps {
  draft: KpiSettings;
  update: Update;
}

interface WithTargetChanges extends SectionProps {
  /** What saving will do to targets whose unit the draft changed. */
  changes: TargetChange[];
}

/**
 * Says, beside the setting that causes it, what saving does to targets. The live region is
 * always there, so a screen reader announces a warning when it appears.
 */
function TargetChangeNotice({ changes, kpiId }: { changes: TargetChange[]; kpiId: KpiId }) {
  const mine = changes.filter((c) => c.kpiId === kpiId);
  return (
    <div className="target-change-live" role="status">
      {mine.length > 0 && (
        <div className="target-change">
          {mine.map((c) => (
            <p key={c.message}>{c.message}</p>
          ))}
        </div>
      )}
    </div>
  );
}

export function CsatSection({ draft, update, changes }: WithTargetChanges) {
  const csat = draft.csat;
  return (
    <fieldset className="panel settings-section">
      <legend>CSAT</legend>
      <SelectField
        label="Calculation"
        name="csat.mode"
        value={csat.mode}
        options={[
          { value: 'threshold', label: '% of responses rated satisfied' },
          { value: 'mean', label: 'Mean rating' },
        ]}
        onChange={(mode) => update('csat', { mode })}
      />
      <SelectField
        label="Scale (when a response does not say)"
        name="csat.scale"
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
          name="csat.satisfiedMin5"
          value={csat.satisfiedMin5}
          min={1}
          max={5}
          step={1}
          onChange={(v) => v !== null && update('csat', { satisfiedMin5: v })}
        />
        <NumberField
          label="Satisfied from, 1–10 scale"
          name="csat.satisfiedMin10"
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
      <TargetChangeNotice changes={changes} kpiId="csat" />
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
          name="nps.promoterMin"
          value={nps.promoterMin}
          min={0}
          max={10}
          step={1}
          onChange={(v) => v !== null && update('nps', { promoterMin: v })}
        />
        <NumberField
          label="Detractors up to"
          name="nps.detractorMax"
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
          name="nps.averageMin"
          value={nps.averageMin}
          min={-100}
          max={100}
          onChange={(v) => v !== null && update('nps', { averageMin: v })}
        />
        <NumberField
          label="Average band to"
          name="nps.averageMax"
          value={nps.averageMax}
          min={-100}
          max={100}
          onChange={(v) => v !== null && update('nps', { averageMax: v })}
        />
        <NumberField
          label="Strong from"
          name="nps.strongMin"
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

export function EffortAndFcrSection({ draft, update, changes }: WithTargetChanges) {
  return (
    <fieldset className="panel settings-section">
      <legend>Customer effort and first contact resolution</legend>
      <div className="field-row">
        <SelectField
          label="Effort scale"
          name="ces.scale"
          value={draft.ces.scale}
          options={[
            { value: 5, label: '1–5' },
            { value: 7, label: '1–7' },
          ]}
          onChange={(scale) => update('ces', { scale })}
        />
        <SelectField
          label="A high effort score means"
          name="ces.direction"
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
          name="fcr.mode"
          value={draft.fcr.mode}
          options={[
            { value: 'flag', label: 'the FCR flag in the export' },
            { value: 'repeat_window', label: 'repeat contacts on the same topic' },
          ]}
          onChange={(mode) => update('fcr', { mode })}
        />
        <NumberField
          label="Repeat window, days"
          name="fcr.windowDays"
          value={draft.fcr.windowDays}
          min={1}
          max={90}
          step={1}
          onChange={(v) => v !== null && update('fcr', { windowDays: v })}
        />
      </div>
      <TargetChangeNotice changes={changes} kpiId="ces" />
      <div className="field-row">
        <NumberField
          label="Near target within, % of the target"
          name="status.warnTolerancePct"
          value={draft.status.warnTolerancePct}
          min={0}
          max={100}
          hint="Within this distance a KPI is amber, beyond it red."
          onChange={(v) => v !== null && update('status', { warnTolerancePct: v })}
        />
        <NumberField
          label="Trust a value from, cases"
          name="status.minN"
          value={draft.status.minN}
          min={1}
          max={100000}
          step={1}
          hint="A value on fewer responses or tickets is marked low-confidence and kept out of the exceptions."
          onChange={(v) => v !== null && update('status', { minN: v })}
        />
      </div>
    </fieldset>
  );
}
