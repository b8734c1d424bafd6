import { useEffect } from 'react';
import type { InteractionFacets } from '../../../../shared/ipc/contracts/interactions';
import type { KpiRegistryInfo } from '../../../../shared/ipc/contracts/kpi';
import { call } from '../../lib/api';
import { useKpiDashboard } from './store';
import { useLoad } from '../../lib/useLoad';

/** Teams and the data's day range; the first answer anchors the period on the latest day with data. */
export function useFacets(): { facets: InteractionFacets | null; error: string | null } {
  const dataVersion = useKpiDashboard((s) => s.dataVersion);
  const init = useKpiDashboard((s) => s.init);
  const { data, error } = useLoad(`facets:${dataVersion}`, () => call('getInteractionFacets', {}));
  useEffect(() => {
    if (data?.dayRange) init(data.dayRange.to);
  }, [data, init]);
  return { facets: data, error };
}

/** Which CSAT / FCR / CES calculation is in force, to print beside the numbers. */
export function useModes(): KpiRegistryInfo['modes'] | null {
  const dataVersion = useKpiDashboard((s) => s.dataVersion);
  return useLoad(`registry:${dataVersion}`, () => call('getKpiRegistry', {})).data?.modes ?? null;
}
