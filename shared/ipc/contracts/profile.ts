import { z } from 'zod';
import { method } from '../define';

/**
 * Who is using this copy of the app: the name written on reviews as the evaluator and into the
 * audit trail as the actor. On a shared machine, switching the profile switches the evaluator.
 */
export interface Profile {
  name: string | null;
}

export const profileContract = {
  getProfile: method<Profile>()(z.object({}).strict()),
  setProfile: method<Profile>()(
    z
      .object({
        name: z
          .string()
          .trim()
          .min(1, 'Enter a name: it is written on every review and change you make.')
          .max(100, 'Use at most 100 characters for the name.'),
      })
      .strict(),
  ),
};
