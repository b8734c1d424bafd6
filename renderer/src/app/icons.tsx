import type { PageId } from './navigation';

/** Simple 20px line icons (no icon font: the CSP allows no remote fonts, and we ship no assets). */
const paths: Record<PageId, React.ReactNode> = {
  dashboard: (
    <>
      <rect x="3" y="3" width="6" height="8" rx="1" />
      <rect x="11" y="3" width="6" height="5" rx="1" />
      <rect x="11" y="10" width="6" height="7" rx="1" />
      <rect x="3" y="13" width="6" height="4" rx="1" />
    </>
  ),
  interactions: (
    <>
      <path d="M3 4h10a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H8l-3 3v-3H3a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z" />
      <path d="M14 7h3a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1h-1v2.5L13.5 15H10" />
    </>
  ),
  reviews: (
    <>
      <rect x="4" y="3" width="12" height="15" rx="1.5" />
      <path d="M8 3V2h4v1" />
      <path d="M7 10l2 2 4-4" />
      <path d="M7 15h6" />
    </>
  ),
  goals: (
    <>
      <circle cx="10" cy="10" r="7" />
      <circle cx="10" cy="10" r="4" />
      <circle cx="10" cy="10" r="1" />
    </>
  ),
  performance: (
    <>
      <path d="M5 2h7l4 4v12H5z" />
      <path d="M12 2v4h4" />
      <path d="M8 14v-2M10.5 14v-4M13 14v-3" />
    </>
  ),
  settings: (
    <>
      <circle cx="10" cy="10" r="2.5" />
      <path d="M10 2v2.5M10 15.5V18M2 10h2.5M15.5 10H18M4.3 4.3l1.8 1.8M13.9 13.9l1.8 1.8M4.3 15.7l1.8-1.8M13.9 6.1l1.8-1.8" />
    </>
  ),
  agent: (
    <>
      <circle cx="10" cy="7" r="3.5" />
      <path d="M3.5 18c.8-3.4 3.4-5 6.5-5s5.7 1.6 6.5 5" />
    </>
  ),
};

export function PageIcon({ page }: { page: PageId }) {
  return (
    <svg
      className="icon"
      width="20"
      height="20"
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[page]}
    </svg>
  );
}
