export function SettingsPage() {
  return (
    <section>
      <h1>Settings</h1>
      <p className="muted">Coming in a later release.</p>
    </section>
  );
}
