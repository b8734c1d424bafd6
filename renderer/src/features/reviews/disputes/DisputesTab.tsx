/** Open disputes. */
export function DisputesTab() {
  return <p className="muted">Open disputes is being built.</p>;
}
