/** Review forms. */
export function FormsTab() {
  return <p className="muted">Review forms is being built.</p>;
}
