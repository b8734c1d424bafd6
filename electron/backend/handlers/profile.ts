import { loadProfile, saveProfile } from '../core/profile';
import type { Handlers } from './types';

export const profileHandlers: Handlers<'getProfile' | 'setProfile'> = {
  getProfile: (_input, ctx) => loadProfile(ctx),
  setProfile: (input, ctx) => saveProfile(ctx, input),
};
