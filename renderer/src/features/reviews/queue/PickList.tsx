import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { ReviewQueueItem } from '../../../../../shared/ipc/contracts/qa';
import { pickLabel } from './queueText';

interface PickListProps {
  items: ReviewQueueItem[];
  selected: number;
  onSelect(index: number): void;
  onStart(index: number): void;
}

const optionId = (item: ReviewQueueItem) => `rq-pick-${item.interactionId}`;

/**
 * The proposed interactions as a listbox: arrows, Home and End move the highlight, Enter starts a
 * review of the highlighted pick. Focus stays on the list (aria-activedescendant), so a screen
 * reader reads each pick with its reason as the highlight moves.
 */
export function PickList({ items, selected, onSelect, onStart }: PickListProps) {
  const list = useRef<HTMLUListElement>(null);
  const current = items[selected];

  useEffect(() => {
    if (!current) return;
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const last = items.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(last, selected + 1),
      ArrowUp: Math.max(0, selected - 1),
      Home: 0,
      End: last,
      PageDown: Math.min(last, selected + 10),
      PageUp: Math.max(0, selected - 10),
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      onSelect(next);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onStart(selected);
    }
  };

  return (
    <ul
      ref={list}
      className="rq-picks"
      role="listbox"
      tabIndex={0}
      aria-label="Proposed interactions (Enter starts a review)"
      aria-activedescendant={current ? optionId(current) : undefined}
      onKeyDown={onKeyDown}
      data-testid="queue-picks"
    >
      {items.map((item, index) => (
        <li
          key={item.interactionId}
          id={optionId(item)}
          role="option"
          aria-selected={index === selected}
          className="rq-pick"
          onClick={() => onSelect(index)}
          onDoubleClick={() => onStart(index)}
        >
          <span className="rq-pick-head">
            <span className="rq-pick-index num">{index + 1}</span>
            <span className="rq-pick-title">{pickLabel(item)}</span>
            {item.risk > 0 && <span className="rq-risk">risk {item.risk}</span>}
          </span>
          <span className="rq-pick-topic">
            {[item.topic, item.subject].filter(Boolean).join(' — ') || 'No topic or subject'}
          </span>
          <span className="rq-pick-reason">
            <span className="rq-reason-label">Why: </span>
            {item.reason}
          </span>
        </li>
      ))}
    </ul>
  );
}
