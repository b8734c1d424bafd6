import { useEffect, useRef, useState } from 'react';
import type { InteractionFacets } from '../../../../shared/ipc/contracts/interactions';

interface Props {
  agents: InteractionFacets['agents'];
  selected: readonly string[];
  onChange(ids: string[]): void;
}

/** Multi-select with a search box: lists of 50+ agents are too long for checkboxes inline. */
export function AgentPicker({ agents, selected, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const chosen = new Set(selected);
  const needle = query.trim().toLowerCase();
  const visible = needle ? agents.filter((a) => a.name.toLowerCase().includes(needle)) : agents;
  const names = agents.filter((a) => chosen.has(a.id)).map((a) => a.name);
  const label =
    names.length === 0 ? 'All agents' : names.length <= 2 ? names.join(', ') : `${names.length} agents`;

  function toggle(id: string) {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange([...next]);
  }

  return (
    <div
      className="picker"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setOpen(false);
      }}
    >
      <button
        type="button"
        className={names.length ? 'select-like active' : 'select-like'}
        aria-haspopup="listbox"
        aria-expanded={open}
        // The name starts with the visible text (WCAG 2.5.3), then says what it filters.
        aria-label={`${label}, agent filter`}
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      {open && (
        <div className="picker-pop">
          <input
            type="search"
            placeholder="Find agent…"
            aria-label="Find agent"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            autoFocus
          />
          <div className="picker-list" role="listbox" aria-multiselectable="true" aria-label="Agents">
            {visible.map((agent) => (
              <label
                key={agent.id}
                className="picker-option"
                role="option"
                aria-selected={chosen.has(agent.id)}
              >
                <input type="checkbox" checked={chosen.has(agent.id)} onChange={() => toggle(agent.id)} />
                {agent.name}
                {!agent.active && <span className="muted"> (inactive)</span>}
              </label>
            ))}
            {visible.length === 0 && <p className="muted">No agent matches.</p>}
          </div>
          {selected.length > 0 && (
            <button type="button" className="link" onClick={() => onChange([])}>
              Clear selection
            </button>
          )}
        </div>
      )}
    </div>
  );
}
