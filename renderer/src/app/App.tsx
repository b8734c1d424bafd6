import { useEffect } from 'react';
import { onMenuCommands } from '../lib/menu';
import { openPacketFromMenu } from '../features/calibration/files';
import { GoalsPage } from '../features/goals/GoalsPage';
import { InteractionsPage } from '../features/interactions/InteractionsPage';
import { AgentScorecardPage } from '../features/kpis/AgentScorecardPage';
import { TeamDashboardPage } from '../features/kpis/TeamDashboardPage';
import { PerformancePage } from '../features/performance/PerformancePage';
import { ReviewsPage } from '../features/reviews/ReviewsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ErrorBanner } from './ErrorBanner';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { useNavigation, type PageId } from './navigation';
import { Sidebar } from './Sidebar';
import { StartupRecovery } from './StartupRecovery';
import { StatusBar } from './StatusBar';
import { useShell } from './store';
import { Toasts } from './Toasts';
import './app.css';

/**
 * Page id → page component. A feature plugs in by exporting a component from
 * features/<feature>/ and mapping it here (and in navigation.ts PAGES). The shell renders the
 * page title as the <h1> in the header: pages start with their content (h2 for sections).
 */
const pageComponents: Record<PageId, () => React.JSX.Element> = {
  // The team KPI dashboard embeds the agents list (features/dashboard) below its ranking.
  dashboard: TeamDashboardPage,
  interactions: InteractionsPage,
  reviews: ReviewsPage,
  goals: GoalsPage,
  performance: PerformancePage,
  settings: SettingsPage,
  agent: AgentScorecardPage,
};

export function App() {
  const page = useNavigation((s) => s.page);
  const startupError = useShell((s) => s.startupError);
  const refreshAppInfo = useShell((s) => s.refreshAppInfo);
  const Page = pageComponents[page];

  // Counts in the header and status bar follow changes made on any page.
  useEffect(() => {
    void refreshAppInfo();
  }, [page, refreshAppInfo]);
  // File ▸ Open calibration packet… in Electron: the same flow as the Calibration tab's button.
  useEffect(() => onMenuCommands({ openCalibrationPacket: () => void openPacketFromMenu() }), []);
  useEffect(() => {
    const onFocus = () => void refreshAppInfo();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refreshAppInfo]);

  return (
    <div className={startupError ? 'app recovering' : 'app'}>
      <a className="skip-link" href="#page-body">
        Skip to content
      </a>
      <Sidebar />
      <div className="main">
        <Header />
        <ErrorBanner />
        <main
          id="page-body"
          className="page-body"
          aria-labelledby="page-title"
          tabIndex={-1}
          data-page={page}
        >
          {startupError ? (
            <StartupRecovery error={startupError} />
          ) : (
            <ErrorBoundary resetKey={page}>
              <Page />
            </ErrorBoundary>
          )}
        </main>
      </div>
      <StatusBar />
      <Toasts />
    </div>
  );
}
