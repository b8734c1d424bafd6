import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type {
  AgentRankingRow,
  KpiDefinitionDto,
  KpiEvidence,
  KpiException,
  KpiTile as KpiTileData,
} from '../../../../shared/ipc/contracts/kpi';
import { ExceptionList } from './ExceptionList';
import { KpiTile } from './KpiTile';
import { RankingTable } from './RankingTable';

const escalation: KpiDefinitionDto = {
  id: 'escalation_rate',
  label: 'Escalation rate',
  unit: '%',
  better: 'lower',
  description: 'Complaints that needed a second level',
  decimals: 1,
  target: 10,
};
const evidence = (n: number, extra: Partial<KpiEvidence> = {}): KpiEvidence => ({
  n,
  nLabel: 'complaints',
  interval: { low: 24.1, high: 33 },
  lowConfidence: false,
  ...extra,
});
const tile = (patch: Partial<KpiTileData>): KpiTileData => ({
  kpiId: 'escalation_rate',
  value: 28,
  previous: 26,
  delta: 2,
  direction: 'up',
  improving: false,
  target: 10,
  status: 'bad',
  evidence: evidence(212),
  previousEvidence: evidence(190),
  sparkline: [],
  ...patch,
});
const renderTile = (t: KpiTileData, extra: { unmeasurable?: string } = {}) =>
  renderToStaticMarkup(
    createElement(KpiTile, {
      def: escalation,
      tile: t,
      minN: 20,
      selected: false,
      onSelect: () => undefined,
      onExplain: () => undefined,
      ...extra,
    }),
  );
/** Text as a reader meets it: tags out, entities decoded. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('KPI tile', () => {
  it('says "worse than target" for an escalation rate above its target, never "below target"', () => {
    const html = renderTile(tile({}));
    expect(text(html)).toContain('worse than target');
    expect(html).not.toMatch(/below target/);
  });

  it('shows n, the 95% interval in the tooltip, and no aria-label that could drift from the text', () => {
    const html = renderTile(tile({}));
    expect(text(html)).toContain('n = 212 complaints');
    expect(html).toMatch(/title="[^"]*95% interval 24\.1–33\.0%/);
    expect(html).not.toMatch(/kpi-tile-main"[^>]*aria-label/);
  });

  it('marks a low-confidence value and gives the reason with minN', () => {
    const html = renderTile(tile({ evidence: evidence(7, { lowConfidence: true }) }));
    expect(html).toMatch(/class="kpi-tile status-bad low-confidence/);
    expect(text(html)).toContain('low n');
    expect(html).toContain('only 7 complaints; at least 20 needed');
  });

  it('says "no data" for an empty value, without a good colour even if the status says good', () => {
    const html = renderTile(
      tile({ value: null, status: 'good', evidence: null, delta: null, direction: null }),
    );
    expect(text(html)).toContain('no data');
    expect(html).toMatch(/class="kpi-tile status-none/);
    expect(html).not.toMatch(/on target|better than target/);
  });

  it('says "not measurable" rather than a number when the data cannot give the KPI', () => {
    const html = renderTile(tile({ value: null, status: 'none', evidence: null }), {
      unmeasurable: 'no customer ids on the interactions',
    });
    expect(text(html)).toContain('not measurable');
    expect(html).toContain('no customer ids on the interactions');
  });

  it('never puts "no data" beside a value whose buckets have none (retention by day)', () => {
    const withValue = text(renderTile(tile({ sparkline: [] })));
    expect(withValue).toContain('28.0%');
    expect(withValue).not.toContain('no data');
    expect(withValue).toContain('no trend');
    const empty = text(renderTile(tile({ value: null, status: 'none', evidence: null, sparkline: [] })));
    expect(empty).not.toContain('no trend');
  });

  it('has a "How is this computed?" button outside the trend button', () => {
    const html = renderTile(tile({}));
    expect(html).toMatch(/<\/button><button[^>]*aria-label="How is this computed\? \(Escalation rate\)"/);
  });
});

describe('exception list', () => {
  const base = {
    kpis: [escalation],
    minN: 20,
    lowConfidenceMisses: 0,
    noDataActions: createElement('button', { type: 'button' }, 'Import a file…'),
    onOpenAgent: () => undefined,
  };

  it('an empty period says there is no data and what to do, never "on target"', () => {
    const html = renderToStaticMarkup(
      createElement(ExceptionList, { ...base, exceptions: [], interactionCount: 0 }),
    );
    expect(text(html)).toContain('No data in this period');
    expect(text(html)).toContain('Import a file…');
    expect(html).not.toMatch(/on target|Nothing to chase/);
  });

  it('with data and no misses, says what was left out for too little evidence', () => {
    const html = renderToStaticMarkup(
      createElement(ExceptionList, {
        ...base,
        exceptions: [],
        interactionCount: 900,
        lowConfidenceMisses: 3,
      }),
    );
    expect(text(html)).toContain('No agent is clearly worse than target');
    expect(text(html)).toContain('3 values look worse but rest on fewer than 20');
  });

  it('shows n, the interval and how sure each miss is', () => {
    const e: KpiException = {
      agentId: 'a1',
      name: 'Ana',
      kpiId: 'escalation_rate',
      value: 28,
      target: 10,
      gap: 18,
      status: 'bad',
      evidence: { n: 40, nLabel: 'complaints', interval: { low: 16, high: 43 }, lowConfidence: false },
      certainty: 0.99,
    };
    const html = renderToStaticMarkup(
      createElement(ExceptionList, { ...base, exceptions: [e], interactionCount: 900 }),
    );
    expect(text(html)).toContain('28.0% of 40 complaints, 95% interval 16.0–43.0%, 99% sure');
    expect(text(html)).toContain('18.0 pp worse');
  });
});

describe('ranking cells', () => {
  const row: AgentRankingRow = {
    agentId: 'a1',
    name: 'Ana',
    teamId: null,
    volume: 50,
    values: { escalation_rate: 28 },
    evidence: { escalation_rate: evidence(7, { lowConfidence: true }) },
    targets: { escalation_rate: 10 },
    status: { escalation_rate: 'bad' },
  };
  const html = renderToStaticMarkup(
    createElement(RankingTable, { rows: [row], kpis: [escalation], minN: 20, onOpenAgent: () => undefined }),
  );
  it('carry status words, n and interval in the tooltip and screen-reader text', () => {
    expect(html).toMatch(
      /title="28\.0%, worse than target 10\.0%\nn = 7 complaints · 95% interval 24\.1–33\.0%/,
    );
    expect(text(html)).toContain(', worse than target 10.0%. n = 7 complaints');
    expect(html).not.toMatch(/below target/);
  });
  it('mark a low-confidence value', () => {
    expect(html).toMatch(/class="num cell-bad low-n"/);
    expect(html).toContain('only 7 complaints; at least 20 needed');
  });
});
