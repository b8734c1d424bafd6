export const CHANNELS = ['call', 'chat', 'email', 'ticket', 'social', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Team {
  id: string;
  name: string;
}

export interface AgentSummary {
  id: string;
  name: string;
  teamId: string | null;
  teamName: string | null;
  active: boolean;
  interactionCount: number;
  lastInteractionAt: string | null;
}

/** Long-running backend work (imports, demo generation) reported by polling. */
export interface JobStatus {
  id: string;
  kind: string;
  state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  /** 0..1, or null while the total is unknown. */
  progress: number | null;
  message: string;
  result?: unknown;
  error?: { code: string; message: string; details?: unknown };
}
