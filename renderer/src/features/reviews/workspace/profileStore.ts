import { create } from 'zustand';
import { call } from '../../../lib/api';

interface ProfileState {
  /** undefined until the backend answered; null when no name was ever set. */
  name: string | null | undefined;
  error: string | null;
  load(): Promise<void>;
  /** Resolves with an error sentence, or null once the name is on disk. */
  save(name: string): Promise<string | null>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The evaluator's name, shared by the queue, the workspace and the interactions drawer. */
export const useProfile = create<ProfileState>()((set, get) => ({
  name: undefined,
  error: null,
  load: async () => {
    if (get().name !== undefined) return;
    try {
      const profile = await call('getProfile', {});
      set({ name: profile.name, error: null });
    } catch (error) {
      set({ error: `Your profile could not be read: ${message(error)}` });
    }
  },
  save: async (name) => {
    try {
      const profile = await call('setProfile', { name });
      set({ name: profile.name, error: null });
      return null;
    } catch (error) {
      return message(error);
    }
  },
}));
