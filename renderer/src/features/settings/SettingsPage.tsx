import { useEffect, useState } from 'react';
import type { Team } from '../../../../shared/domain/types';
import type { KpiDefinitionDto } from '../../../../shared/ipc/contracts/kpi';
import type { KpiSettings } from '../../../../shared/kpi/settings';
import { call } from '../../lib/api';
import { SettingsEditor } from './SettingsEditor';
import './settings.css';

export interface LoadedSettings {
  settings: KpiSettings;
  kpis: KpiDefinitionDto[];
  teams: Team[];
  agents: Array<{ id: string; name: string }>;
}

/** KPI settings: how CSAT, NPS, CES and FCR are computed, the business calendar, and targets. */
export function SettingsPage() {
  const [loaded, setLoaded] = useState<LoadedSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

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
  if (!loaded)
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  return <SettingsEditor initial={loaded} />;
}
