import { useEffect, useState } from 'react';
import type { Team } from '../../../../shared/domain/types';
import type { KpiDefinitionDto } from '../../../../shared/ipc/contracts/kpi';
import type { KpiSettings, KpiSettingsPatch, KpiTarget } from '../../../../shared/kpi/settings';
import { KPI_IDS, type KpiId } from '../../../../shared/kpi/types';
import { notify } from '../../app/store';
import { call } from '../../lib/api';
import { useKpiDashboard } from '../kpis/store';
import { CalendarSection } from './CalendarSection';
import { CsatSection, EffortAndFcrSection, NpsSection } from './CalculationSections';
import { TargetsSection } from './TargetsSection';
import './settings.css';

interface Loaded {
  settings: KpiSettings;
  kpis: KpiDefinitionDto[];
  teams: Team[];
  agents: Array<{ id: string; name: string }>;
}

/** Only what changed: sections whole (each is small), targets per KPI (null removes one). */
function patchOf(saved: KpiSettings, draft: KpiSettings): KpiSettingsPatch {
  const patch: KpiSettingsPatch = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(saved.csat, draft.csat)) patch.csat = draft.csat;
  if (!same(saved.nps, draft.nps)) patch.nps = draft.nps;
  if (!same(saved.ces, draft.ces)) patch.ces = draft.ces;
  if (!same(saved.calendar, draft.calendar)) patch.calendar = draft.calendar;
  if (!same(saved.fcr, draft.fcr)) patch.fcr = draft.fcr;
  if (!same(saved.status, draft.status)) patch.status = draft.status;
  const targets: Partial<Record<KpiId, KpiTarget | null>> = {};
  for (const id of KPI_IDS)
    if (!same(saved.targets[id] ?? null, draft.targets[id] ?? null)) targets[id] = draft.targets[id] ?? null;
  if (Object.keys(targets).length > 0) patch.targets = targets;
  return patch;
}

/** KPI settings: how CSAT, NPS, CES and FCR are computed, the business calendar, and targets. */
export function SettingsPage() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [draft, setDraft] = useState<KpiSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const invalidate = useKpiDashboard((s) => s.invalidate);

  useEffect(() => {
    let live = true;
    Promise.all([
      call('getKpiSettings', {}),
      call('getKpiRegistry', {}),
      call('listTeams', {}),
      call('listAgents', {}),
    ]).then(
      ([settings, registry, teams, agents]) => {
        if (!live) return;
        setLoaded({
          settings,
          kpis: registry.kpis,
          teams,
          agents: agents.map((a) => ({ id: a.id, name: a.name })),
        });
        setDraft(settings);
      },
      (e: Error) => live && setLoadError(e.message),
    );
    return () => {
      live = false;
    };
  }, []);

  if (loadError)
    return (
      <p className="error" role="alert">
        Could not load the settings: {loadError}
      </p>
    );
  if (!loaded || !draft)
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    );

  const patch = patchOf(loaded.settings, draft);
  const dirty = Object.keys(patch).length > 0;

  const update = <K extends keyof KpiSettings>(section: K, change: Partial<KpiSettings[K]>) =>
    setDraft((d) => (d ? { ...d, [section]: { ...d[section], ...change } } : d));
  const setTarget = (kpiId: KpiId, target: KpiTarget | null) =>
    setDraft((d) => {
      if (!d) return d;
      const targets = { ...d.targets };
      if (target === null) delete targets[kpiId];
      else targets[kpiId] = target;
      return { ...d, targets };
    });

  async function save(run: () => Promise<KpiSettings>, message: string) {
    setSaving(true);
    setSaveError(null);
    try {
      const settings = await run();
      const registry = await call('getKpiRegistry', {});
      setLoaded((l) => (l ? { ...l, settings, kpis: registry.kpis } : l));
      setDraft(settings);
      invalidate();
      notify(message, 'success');
    } catch (e) {
      setSaveError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="settings-page"
      aria-label="KPI settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save(() => call('updateKpiSettings', patch), 'Settings saved. Dashboards use them from now on.');
      }}
    >
      <div className="settings-bar">
        <p className="muted">How KPIs are computed and measured. Changes apply to every dashboard.</p>
        <span className="spacer" />
        {dirty && <span className="unsaved">Unsaved changes</span>}
        <button
          type="button"
          className="ghost"
          disabled={!dirty || saving}
          onClick={() => setDraft(loaded.settings)}
        >
          Discard
        </button>
        <button
          type="button"
          className="secondary"
          disabled={saving}
          onClick={() => {
            if (window.confirm('Reset every KPI setting and target to the defaults?'))
              void save(() => call('resetKpiSettings', {}), 'Settings reset to the defaults.');
          }}
        >
          Reset to defaults
        </button>
        <button type="submit" className="primary" disabled={!dirty || saving}>
          {saving ? 'Saving…' : 'Save settings'}
        </button>
      </div>
      {saveError && (
        <p className="error" role="alert">
          Not saved: {saveError}
        </p>
      )}
      <div className="settings-grid">
        <CsatSection draft={draft} update={update} />
        <NpsSection draft={draft} update={update} />
        <EffortAndFcrSection draft={draft} update={update} />
        <CalendarSection calendar={draft.calendar} onChange={(c) => update('calendar', c)} />
      </div>
      <TargetsSection
        kpis={loaded.kpis}
        targets={draft.targets}
        teams={loaded.teams}
        agents={loaded.agents}
        onChange={setTarget}
      />
    </form>
  );
}
