import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { KpiDefinitionDto, ScorecardKpi } from '../../../../shared/ipc/contracts/kpi';
import { ScorecardCard } from './ScorecardCard';

const volume: KpiDefinitionDto = {
  id: 'volume',
  label: 'Volume',
  unit: 'count',
  better: 'neutral',
  description: 'New interactions',
  decimals: 0,
  target: 200,
};
const row = (patch: Partial<ScorecardKpi> = {}): ScorecardKpi => ({
  kpiId: 'volume',
  value: 180,
  previous: 170,
  delta: 10,
  direction: 'up',
  improving: null,
  target: 200,
  status: 'none',
  evidence: { n: 180, nLabel: 'interactions', interval: null, lowConfidence: false },
  previousEvidence: null,
  teamValue: 190,
  teamBasis: 'average_agent',
  series: [],
  ...patch,
});
const render = (r: ScorecardKpi, def = volume) =>
  renderToStaticMarkup(
    createElement(ScorecardCard, {
      def,
      row: r,
      range: { from: '2026-11-01', to: '2026-11-30' },
      granularity: 'week',
      events: [],
      agentName: 'Ana',
      minN: 20,
      onExplain: () => undefined,
    }),
  ).replace(/<[^>]+>/g, ' ');

describe('scorecard card', () => {
  it('compares volume with the average agent, not the team total', () => {
    const text = render(row());
    expect(text).toContain('Average agent 190');
    expect(text).not.toMatch(/Team 190/);
  });
  it('a card with a target does not also say "no target"', () => {
    const text = render(row());
    expect(text).toContain('Target 200');
    expect(text).not.toMatch(/no target/i);
  });
  it('shows n, the interval, the status words and the how-computed button', () => {
    const csat: KpiDefinitionDto = {
      ...volume,
      id: 'csat',
      label: 'CSAT',
      unit: '%',
      better: 'higher',
      decimals: 1,
    };
    const text = render(
      row({
        kpiId: 'csat',
        value: 71,
        target: 80,
        status: 'bad',
        teamBasis: 'pooled',
        teamValue: 83,
        evidence: { n: 12, nLabel: 'responses', interval: { low: 42.3, high: 89.1 }, lowConfidence: true },
      }),
      csat,
    );
    expect(text).toContain('worse than target');
    expect(text).toContain('Team 83.0%');
    expect(text).toContain('n = 12 responses');
    expect(text).toContain('95% interval 42.3–89.1%');
    expect(text).toContain('only 12 responses; at least 20 needed');
    expect(text).toContain('How is this computed?');
  });
});
