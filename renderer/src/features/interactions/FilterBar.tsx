import { useEffect, useState } from 'react';
import { CHANNELS, type Channel } from '../../../../shared/domain/types';
import type { InteractionFilters } from '../../../../shared/ipc/contracts/interactions';
import { AgentPicker } from './AgentPicker';
import { channelLabel } from './format';
import { useInteractions, type FlagKey } from './store';

const FLAGS: Array<{ key: FlagKey; label: string }> = [
  { key: 'answered', label: 'Answered' },
  { key: 'abandoned', label: 'Abandoned' },
  { key: 'resolved', label: 'Resolved' },
  { key: 'escalated', label: 'Escalated' },
  { key: 'fcr', label: 'FCR' },
  { key: 'hasCsat', label: 'Has CSAT' },
];

const TEXT_DEBOUNCE_MS = 300;

function SearchBox({ value, onChange }: { value: string; onChange(text: string): void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => onChange(draft), TEXT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, value, onChange]);
  return (
    <input
      type="search"
      className="ix-search"
      placeholder="Search notes, comments, topic…"
      aria-label="Search text"
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
    />
  );
}

function flagValue(filters: InteractionFilters, key: FlagKey): string {
  const value = filters[key];
  return value === undefined ? '' : value ? 'yes' : 'no';
}

export function FilterBar() {
  const filters = useInteractions((s) => s.filters);
  const facets = useInteractions((s) => s.facets);
  const setFilters = useInteractions((s) => s.setFilters);
  const clearFilters = useInteractions((s) => s.clearFilters);
  const channels = new Set(filters.channels ?? []);
  const active = Object.keys(filters).length > 0;

  function toggleChannel(channel: Channel) {
    const next = new Set(channels);
    if (next.has(channel)) next.delete(channel);
    else next.add(channel);
    setFilters({ channels: CHANNELS.filter((c) => next.has(c)) });
  }

  return (
    <div className="ix-filters" role="search" aria-label="Filter interactions">
      <AgentPicker
        agents={facets?.agents ?? []}
        selected={filters.agentIds ?? []}
        onChange={(agentIds) => setFilters({ agentIds })}
      />
      <select
        aria-label="Team"
        value={filters.teamIds?.[0] ?? ''}
        onChange={(event) => setFilters({ teamIds: event.target.value ? [event.target.value] : [] })}
      >
        <option value="">All teams</option>
        {facets?.teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
      <div className="chips" role="group" aria-label="Channels">
        {(facets?.channels ?? CHANNELS).map((channel) => (
          <button
            key={channel}
            type="button"
            className={channels.has(channel) ? 'chip on' : 'chip'}
            aria-pressed={channels.has(channel)}
            onClick={() => toggleChannel(channel)}
          >
            {channelLabel(channel)}
          </button>
        ))}
      </div>
      <label className="inline">
        From
        <input
          type="date"
          aria-label="From day"
          value={filters.from ?? ''}
          min={facets?.dayRange?.from}
          max={filters.to ?? facets?.dayRange?.to}
          onChange={(event) => setFilters({ from: event.target.value || undefined })}
        />
      </label>
      <label className="inline">
        To
        <input
          type="date"
          aria-label="To day"
          value={filters.to ?? ''}
          min={filters.from ?? facets?.dayRange?.from}
          max={facets?.dayRange?.to}
          onChange={(event) => setFilters({ to: event.target.value || undefined })}
        />
      </label>
      <SearchBox value={filters.text ?? ''} onChange={(text) => setFilters({ text })} />
      <div className="ix-flags" role="group" aria-label="Outcome">
        {FLAGS.map(({ key, label }) => (
          <select
            key={key}
            aria-label={label}
            className={filters[key] === undefined ? 'flag' : 'flag active'}
            value={flagValue(filters, key)}
            onChange={(event) =>
              setFilters({ [key]: event.target.value === '' ? undefined : event.target.value === 'yes' })
            }
          >
            <option value="">{label}: any</option>
            <option value="yes">{label}: yes</option>
            <option value="no">{label}: no</option>
          </select>
        ))}
      </div>
      {active && (
        <button type="button" className="link" onClick={clearFilters}>
          Clear filters
        </button>
      )}
    </div>
  );
}
