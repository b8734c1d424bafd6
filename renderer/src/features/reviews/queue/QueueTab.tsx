/** The review queue. */
export function QueueTab() {
  return <p className="muted">The review queue is being built.</p>;
}
