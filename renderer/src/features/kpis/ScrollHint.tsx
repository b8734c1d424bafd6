import { useEffect, useRef, useState } from 'react';

/** How far from the end (px) still counts as "seen it all". */
const SLACK = 24;
/** Once the lead has scrolled this far they know there is more: the pill would only cover content. */
const STARTED = 40;

/**
 * A pill pinned to the bottom of the page while more of it lies below the fold: at 1280×720 the
 * dashboard's tiles fill the window and the trend, exceptions and ranking would otherwise start
 * out of sight with nothing saying so. It sits in a zero-height sticky box, so showing or hiding
 * it never moves the content.
 */
export function ScrollHint({ label }: { label: string }) {
  const anchor = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState(false);

  useEffect(() => {
    const scroller = anchor.current?.closest<HTMLElement>('.page-body');
    if (!scroller) return;
    const update = () =>
      setMore(
        scroller.scrollTop < STARTED &&
          scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight > SLACK,
      );
    update();
    scroller.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(scroller);
    if (scroller.firstElementChild) resize.observe(scroller.firstElementChild);
    return () => {
      scroller.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, []);

  const scrollDown = () => {
    const scroller = anchor.current?.closest<HTMLElement>('.page-body');
    scroller?.scrollBy({ top: scroller.clientHeight * 0.8, behavior: 'smooth' });
  };

  return (
    <div className="scroll-hint-anchor" ref={anchor}>
      {more && (
        <button type="button" className="scroll-hint" onClick={scrollDown}>
          {label} <span aria-hidden="true">↓</span>
        </button>
      )}
    </div>
  );
}
