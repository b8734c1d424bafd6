import { useEffect } from 'react';
import { call } from '../../../lib/api';
import { useLoad } from '../../../lib/useLoad';
import { useFacets } from '../../kpis/useFacets';
import { LeniencyTable } from './LeniencyTable';
import { QaAverages } from './QaAverages';
import { QaReportToolbar } from './QaReportToolbar';
import { QaAgentsTable, QaHeadline } from './QaScores';
import { QaTrend } from './QaTrend';
import { ReviewSettingsPanel } from './ReviewSettingsPanel';
import { qaGranularity, qaRange, useQaReport } from './store';
import { ValidityTable } from './ValidityTable';
import '../../kpis/kpis.css';
import '../../kpis/tiles.css';
import './report.css';

function Panel(props: { id: string; title: string; note?: string; children: React.ReactNode }) {
  return (
    <section className="panel qa-panel" aria-labelledby={props.id}>
      <div className="panel-header">
        <h2 id={props.id}>{props.title}</h2>
        {props.note && <span className="muted">{props.note}</span>}
      </div>
      {props.children}
    </section>
  );
}

function Failure({ what, error }: { what: string; error: string | null }) {
  return error ? (
    <p className="error" role="alert">
      Could not load {what}: {error}
    </p>
  ) : null;
}

/** QA reporting: scores with n and intervals, averages, trend, criterion validity and evaluator leniency. */
export function QaReportTab() {
  const { facets, error: facetsError } = useFacets();
  const initialised = useQaReport((s) => s.initialised);
  const init = useQaReport((s) => s.init);
  const kind = useQaReport((s) => s.kind);
  const anchor = useQaReport((s) => s.anchor);
  const custom = useQaReport((s) => s.custom);
  const teamId = useQaReport((s) => s.teamId);
  const version = useQaReport((s) => s.version);

  useEffect(() => {
    if (facets?.dayRange) init(facets.dayRange.to);
  }, [facets, init]);

  const range = qaRange({ kind, anchor, custom });
  const granularity = qaGranularity(range);
  const scope = { ...range, ...(teamId ? { teamId } : {}) };
  const key = initialised ? `${JSON.stringify(scope)}:${version}` : null;
  const report = useLoad(key, () => call('getQaReport', { ...scope, granularity }));
  const validity = useLoad(key, () => call('getCriterionValidity', scope));
  const leniency = useLoad(key, () => call('getEvaluatorLeniency', scope));
  const r = report.data;
  const scopeName = teamId ? (facets?.teams.find((t) => t.id === teamId)?.name ?? 'This team') : 'All teams';

  return (
    <div className="qa-report">
      <QaReportToolbar
        teams={facets?.teams ?? []}
        loading={report.loading || validity.loading || leniency.loading}
      />
      <Failure what="the teams" error={facetsError} />
      <Failure what="the QA report" error={report.error} />
      {facets && !facets.dayRange && (
        <p className="empty-state">No interactions yet, so there are no reviews to report on.</p>
      )}
      {r && (
        <div className={report.loading ? 'qa-body stale' : 'qa-body'}>
          <QaHeadline figures={r.overall} settings={r.settings} scope={scopeName} />
          <Panel id="qa-agents-title" title="QA score per agent" note={`${r.from} – ${r.to}`}>
            <QaAgentsTable report={r} scope={scopeName} />
          </Panel>
          <Panel id="qa-trend-title" title="QA trend" note={`by ${granularity}`}>
            <QaTrend report={r} granularity={granularity} />
          </Panel>
          <Panel id="qa-averages-title" title="Section and criterion averages" note="share of points earned">
            <QaAverages report={r} />
          </Panel>
        </div>
      )}
      <Panel
        id="qa-validity-title"
        title="Criterion validity"
        note="do interactions that pass a criterion end better for the customer?"
      >
        <Failure what="criterion validity" error={validity.error} />
        {validity.data && <ValidityTable report={validity.data} />}
      </Panel>
      <Panel
        id="qa-leniency-title"
        title="Evaluator leniency"
        note="each evaluator against the others, on the same agents"
      >
        <Failure what="evaluator leniency" error={leniency.error} />
        {leniency.data && <LeniencyTable report={leniency.data} />}
      </Panel>
      <Panel id="qa-settings-title" title="Review settings">
        <ReviewSettingsPanel />
      </Panel>
    </div>
  );
}
