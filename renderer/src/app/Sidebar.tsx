import { useRef } from 'react';
import { PageIcon } from './icons';
import { SIDEBAR_PAGES, sidebarPage, useNavigation } from './navigation';

/**
 * Main navigation. Arrow keys, Home and End move focus between entries (Enter/Space opens the
 * page, as on any button); Tab leaves the list, so the sidebar costs keyboard users one stop.
 */
export function Sidebar() {
  const page = useNavigation((s) => sidebarPage(s.page));
  const navigate = useNavigation((s) => s.navigate);
  const listRef = useRef<HTMLUListElement>(null);

  function onKeyDown(event: React.KeyboardEvent<HTMLUListElement>) {
    const buttons = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
    const index = buttons.findIndex((b) => b === document.activeElement);
    if (index < 0) return;
    const target =
      event.key === 'ArrowDown'
        ? (index + 1) % buttons.length
        : event.key === 'ArrowUp'
          ? (index - 1 + buttons.length) % buttons.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? buttons.length - 1
              : null;
    if (target === null) return;
    event.preventDefault();
    buttons[target]?.focus();
  }

  return (
    <nav className="sidebar" aria-label="Main navigation">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          AS
        </span>
        <span>Agent Scorecard</span>
      </div>
      <ul ref={listRef} onKeyDown={onKeyDown}>
        {SIDEBAR_PAGES.map((p) => {
          const current = p.id === page;
          return (
            <li key={p.id}>
              <button
                type="button"
                className={current ? 'nav-item active' : 'nav-item'}
                aria-current={current ? 'page' : undefined}
                // Only the current entry is a Tab stop; arrows reach the others.
                tabIndex={current ? 0 : -1}
                onClick={() => navigate(p.id)}
              >
                <PageIcon page={p.id} />
                <span>{p.label}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
