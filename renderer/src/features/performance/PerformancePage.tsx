export function PerformancePage() {
  return (
    <section>
      <h1>Performance</h1>
      <p className="muted">Coming in a later release.</p>
    </section>
  );
}
