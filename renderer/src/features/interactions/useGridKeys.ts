import type { Virtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent, RefObject } from 'react';
import { ROW_HEIGHT } from './GridParts';
import { useInteractions } from './store';

/**
 * Keyboard for the grid: arrows, Page Up/Down, Home and End move the selection (scrolling it into
 * view), Enter opens the details, Escape closes them.
 */
export function useGridKeys(
  count: number,
  scrollRef: RefObject<HTMLDivElement | null>,
  virtualizer: Virtualizer<HTMLDivElement, Element>,
): (event: KeyboardEvent<HTMLDivElement>) => void {
  const selectedIndex = useInteractions((s) => s.selectedIndex);
  const select = useInteractions((s) => s.select);
  const openDetails = useInteractions((s) => s.openDetails);
  const closeDetails = useInteractions((s) => s.closeDetails);

  function moveTo(index: number) {
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, index));
    select(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  return (event) => {
    const current = selectedIndex ?? -1;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: Math.max(0, current - 1),
      PageDown: current + pageRows,
      PageUp: Math.max(0, current - pageRows),
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' && selectedIndex !== null) {
      event.preventDefault();
      openDetails(selectedIndex);
    } else if (event.key === 'Escape') {
      closeDetails();
    }
  };
}
