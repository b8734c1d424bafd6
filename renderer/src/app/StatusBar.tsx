import { plural } from '../lib/format';
import { useShell } from './store';

export function StatusBar() {
  const appInfo = useShell((s) => s.appInfo);
  const status = useShell((s) => s.appInfoStatus);
  const startupError = useShell((s) => s.startupError);
  return (
    <footer className="status-bar" aria-label="Status bar">
      {appInfo ? (
        <>
          <span>{plural(appInfo.counts.teams, 'team')}</span>
          <span>{plural(appInfo.counts.agents, 'agent')}</span>
          <span>{plural(appInfo.counts.interactions, 'interaction')}</span>
          <span>{plural(appInfo.counts.reviews, 'review')}</span>
          <span className="spacer" />
          <span title="Database schema version">schema v{appInfo.schemaVersion}</span>
          <span>v{appInfo.version}</span>
        </>
      ) : (
        <span role="status">
          {startupError
            ? 'Data file not open'
            : status === 'loading'
              ? 'Opening data file…'
              : 'Backend not reachable'}
        </span>
      )}
    </footer>
  );
}
