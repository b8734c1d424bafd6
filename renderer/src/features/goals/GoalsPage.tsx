export function GoalsPage() {
  return (
    <section>
      <h1>Goals</h1>
      <p className="muted">Coming in a later release.</p>
    </section>
  );
}
