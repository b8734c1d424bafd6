import { useMemo, useState } from 'react';
import type { AgentRankingRow, KpiDefinitionDto } from '../../../../shared/ipc/contracts/kpi';
import type { KpiId } from '../../../../shared/kpi/types';
import { formatCount } from '../../lib/format';
import { describeValue, shownStatus, valueDetails } from './evidence';
import { formatKpiValue } from './format';
import { SideScroll } from './SideScroll';

/** The columns a lead scans first; every KPI is in the CSV export and on the agent's scorecard. */
export const RANKING_KPIS: KpiId[] = [
  'csat',
  'nps',
  'ces',
  'fcr',
  'resolution_rate',
  'escalation_rate',
  'abandonment_rate',
  'aht',
  'frt',
  'art',
];

type SortKey = 'name' | 'volume' | KpiId;
interface Sort {
  key: SortKey;
  desc: boolean;
}

interface RankingTableProps {
  rows: AgentRankingRow[];
  kpis: KpiDefinitionDto[];
  /** The smallest trusted n: cells below it are marked and not coloured. */
  minN: number;
  onOpenAgent(agentId: string): void;
}

function compare(a: AgentRankingRow, b: AgentRankingRow, key: SortKey): number {
  if (key === 'name') return a.name.localeCompare(b.name);
  if (key === 'volume') return a.volume - b.volume;
  const x = a.values[key] ?? null;
  const y = b.values[key] ?? null;
  if (x === null || y === null) return 0;
  return x - y;
}

/** Agents × KPIs, cells coloured by status against each agent's own target; best first by default. */
export function RankingTable({ rows, kpis, minN, onOpenAgent }: RankingTableProps) {
  const columns = useMemo(() => RANKING_KPIS.flatMap((id) => kpis.filter((k) => k.id === id)), [kpis]);
  const [sort, setSort] = useState<Sort>({ key: 'csat', desc: true });

  const sorted = useMemo(() => {
    const out = [...rows];
    const missing = (r: AgentRankingRow) =>
      sort.key !== 'name' && sort.key !== 'volume' && (r.values[sort.key] ?? null) === null;
    out.sort((a, b) => {
      // Agents without a value sink to the bottom whichever way the column is sorted.
      const m = Number(missing(a)) - Number(missing(b));
      if (m !== 0) return m;
      const c = compare(a, b, sort.key);
      return (sort.desc ? -c : c) || a.name.localeCompare(b.name);
    });
    return out;
  }, [rows, sort]);

  function toggle(key: SortKey) {
    setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: key !== 'name' }));
  }

  const header = (key: SortKey, label: string, title?: string) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        className={key === 'name' ? undefined : 'num'}
        key={key}
        aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}
        title={title}
      >
        <button type="button" className="sort-button" onClick={() => toggle(key)}>
          {label}
          <span aria-hidden="true" className="sort-arrow">
            {active ? (sort.desc ? '▼' : '▲') : ''}
          </span>
        </button>
      </th>
    );
  };

  return (
    <SideScroll>
      <table className="data ranking" aria-label="Agent ranking">
        <thead>
          <tr>
            {header('name', 'Agent')}
            {header('volume', 'Volume', 'Interactions in the period')}
            {columns.map((k) => header(k.id, k.label, k.description))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.agentId} data-agent-id={row.agentId}>
              <th scope="row" className="row-head">
                <button type="button" className="link agent-link" onClick={() => onOpenAgent(row.agentId)}>
                  {row.name}
                </button>
              </th>
              <td className="num">{formatCount(row.volume)}</td>
              {columns.map((k) => (
                <RankingCell key={k.id} row={row} def={k} minN={minN} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </SideScroll>
  );
}

/**
 * One agent's value: coloured by status unless the n behind it is too small (then dashed and
 * muted), with n, interval and status words in the tooltip and in screen-reader text.
 */
function RankingCell({ row, def, minN }: { row: AgentRankingRow; def: KpiDefinitionDto; minN: number }) {
  const value = row.values[def.id] ?? null;
  const status = row.status[def.id] ?? 'none';
  const evidence = row.evidence[def.id] ?? null;
  const target = row.targets[def.id] ?? null;
  const shown = shownStatus(status, value);
  const described = { value, status, target, evidence };
  const lines = describeValue(def, described, minN);
  const details = value === null ? lines : valueDetails(def, described, minN);
  const low = value !== null && evidence?.lowConfidence === true;
  return (
    <td
      className={`num cell-${shown}${low ? ' low-n' : ''}`}
      data-kpi={def.id}
      data-n={evidence?.n ?? 0}
      title={lines.join('\n')}
    >
      {formatKpiValue(value, def.unit, def.decimals)}
      {evidence && value !== null && (
        // Visible n in every cell: a 33% escalation rate on 3 complaints must look different from one on 300.
        <span className="rank-n" aria-hidden="true">
          n {formatCount(evidence.n)}
        </span>
      )}
      <span className="kpi-sr">, {details.join('. ')}</span>
    </td>
  );
}
