export function InteractionsPage() {
  return (
    <section>
      <h1>Interactions</h1>
      <p className="muted">Coming in a later release.</p>
    </section>
  );
}
