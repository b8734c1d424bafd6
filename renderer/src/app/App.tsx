import { DashboardPage } from '../features/dashboard/DashboardPage';
import { GoalsPage } from '../features/goals/GoalsPage';
import { InteractionsPage } from '../features/interactions/InteractionsPage';
import { PerformancePage } from '../features/performance/PerformancePage';
import { ReviewsPage } from '../features/reviews/ReviewsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { PAGES, useNavigation, type PageId } from './navigation';
import './app.css';

const pageComponents: Record<PageId, () => React.JSX.Element> = {
  dashboard: DashboardPage,
  interactions: InteractionsPage,
  reviews: ReviewsPage,
  goals: GoalsPage,
  performance: PerformancePage,
  settings: SettingsPage,
};

export function App() {
  const page = useNavigation((s) => s.page);
  const navigate = useNavigation((s) => s.navigate);
  const Page = pageComponents[page];
  return (
    <div className="app">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Agent Scorecard</div>
        <ul>
          {PAGES.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className={p.id === page ? 'nav-item active' : 'nav-item'}
                aria-current={p.id === page ? 'page' : undefined}
                onClick={() => navigate(p.id)}
              >
                {p.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        <Page />
      </main>
    </div>
  );
}
