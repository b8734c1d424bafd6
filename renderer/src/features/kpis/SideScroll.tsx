import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A horizontally scrolling box that says when columns lie off to the right: a fade on the edge
 * and a "More columns" button under it. The button's row is always there (hidden, not removed),
 * so the hint appearing never moves what follows.
 */
export function SideScroll({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState(false);

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const update = () => setMore(box.scrollLeft + box.clientWidth < box.scrollWidth - 2);
    update();
    box.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(box);
    if (box.firstElementChild) resize.observe(box.firstElementChild);
    return () => {
      box.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, []);

  const scrollRight = () => {
    const box = ref.current;
    box?.scrollBy({ left: box.clientWidth * 0.6, behavior: 'smooth' });
  };

  return (
    <div className={more ? 'side-scroll more-right' : 'side-scroll'}>
      <div className="table-scroll" ref={ref}>
        {children}
      </div>
      <div className="side-scroll-foot">
        <button
          type="button"
          className="link side-scroll-more"
          style={{ visibility: more ? 'visible' : 'hidden' }}
          onClick={scrollRight}
        >
          More columns <span aria-hidden="true">→</span>
        </button>
      </div>
    </div>
  );
}
