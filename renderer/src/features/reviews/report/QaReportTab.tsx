/** The QA report. */
export function QaReportTab() {
  return <p className="muted">The QA report is being built.</p>;
}
