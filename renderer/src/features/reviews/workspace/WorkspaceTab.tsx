/** The review workspace. */
export function WorkspaceTab() {
  return <p className="muted">The review workspace is being built.</p>;
}
