import { useRef, type KeyboardEvent } from 'react';
import { CalibrationTab } from '../calibration/CalibrationTab';
import { DisputesTab } from './disputes/DisputesTab';
import { FormsTab } from './forms/FormsTab';
import { QueueTab } from './queue/QueueTab';
import { QaReportTab } from './report/QaReportTab';
import { REVIEW_TABS, useReviewsNav, type ReviewTab } from './store';
import { WorkspaceTab } from './workspace/WorkspaceTab';
import './reviews.css';

const PANELS: Record<ReviewTab, () => React.JSX.Element> = {
  queue: QueueTab,
  workspace: WorkspaceTab,
  disputes: DisputesTab,
  report: QaReportTab,
  calibration: CalibrationTab,
  forms: FormsTab,
};

/** Call reviews: the queue, the keyboard-first workspace, disputes, QA reporting, calibration and forms. */
export function ReviewsPage() {
  const tab = useReviewsNav((s) => s.tab);
  const showTab = useReviewsNav((s) => s.showTab);
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const Panel = PANELS[tab];

  // WAI-ARIA tabs: arrows move between tabs, Home/End jump to the ends.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = REVIEW_TABS.findIndex((t) => t.id === tab);
    const last = REVIEW_TABS.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % REVIEW_TABS.length
        : event.key === 'ArrowLeft'
          ? (index + last) % REVIEW_TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    const target = REVIEW_TABS[next];
    if (!target) return;
    showTab(target.id);
    tabs.current[next]?.focus();
  };

  return (
    <section className="reviews-page">
      <div className="reviews-tabs" role="tablist" aria-label="Reviews" onKeyDown={onKeyDown}>
        {REVIEW_TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`reviews-tab-${t.id}`}
            aria-selected={t.id === tab}
            aria-controls={`reviews-panel-${t.id}`}
            tabIndex={t.id === tab ? 0 : -1}
            onClick={() => showTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        className="reviews-panel"
        role="tabpanel"
        id={`reviews-panel-${tab}`}
        aria-labelledby={`reviews-tab-${tab}`}
      >
        <Panel />
      </div>
    </section>
  );
}
