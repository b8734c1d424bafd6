import { useEffect, useRef } from 'react';
import { fileName } from '../lib/format';
import { PAGES, useNavigation } from './navigation';
import { useShell } from './store';

export function Header() {
  const page = useNavigation((s) => s.page);
  const appInfo = useShell((s) => s.appInfo);
  const startupError = useShell((s) => s.startupError);
  const title = PAGES.find((p) => p.id === page)?.label ?? '';
  const dataFile = appInfo?.dataFile ?? null;
  const heading = useRef<HTMLHeadingElement>(null);
  const shownPage = useRef(page);

  // After a page change focus moves to the new title: screen readers announce the page, and Tab
  // continues in its content instead of the sidebar. Not on first load, where focus starts at the top.
  useEffect(() => {
    if (shownPage.current === page) return;
    shownPage.current = page;
    heading.current?.focus();
  }, [page]);

  return (
    <header className="header">
      <h1 id="page-title" className="page-title" tabIndex={-1} ref={heading}>
        {startupError ? 'Data file problem' : title}
      </h1>
      <div className="data-file" aria-label="Data file" title={dataFile ?? undefined}>
        <svg
          width="14"
          height="14"
          viewBox="0 0 20 20"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          aria-hidden="true"
        >
          <ellipse cx="10" cy="5" rx="6" ry="2.5" />
          <path d="M4 5v10c0 1.4 2.7 2.5 6 2.5s6-1.1 6-2.5V5M4 10c0 1.4 2.7 2.5 6 2.5s6-1.1 6-2.5" />
        </svg>
        <span>
          {dataFile ? fileName(dataFile) : appInfo ? 'In-memory database' : startupError ? 'Not open' : '…'}
        </span>
      </div>
    </header>
  );
}
