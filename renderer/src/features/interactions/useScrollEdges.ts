import { useCallback, useEffect, useState, type RefObject } from 'react';

export interface ScrollEdges {
  /** Columns hidden to the left / right of the visible part. */
  left: boolean;
  right: boolean;
}

/**
 * Which sides of a horizontally scrolling element hide content. Overlay scrollbars (macOS, and
 * Chromium without a mouse) show nothing until the user scrolls, so the table draws its own hint.
 * Returns the edges and an update to call from the element's scroll handler.
 */
export function useScrollEdges(ref: RefObject<HTMLElement | null>): [ScrollEdges, () => void] {
  const [edges, setEdges] = useState<ScrollEdges>({ left: false, right: false });
  const update = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const left = el.scrollLeft > 0;
    const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    setEdges((old) => (old.left === left && old.right === right ? old : { left, right }));
  }, [ref]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, update]);

  return [edges, update];
}
