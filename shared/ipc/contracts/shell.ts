import { z } from 'zod';
import { method } from '../define';

const fileFilter = z.object({ name: z.string(), extensions: z.array(z.string().regex(/^[a-z0-9*]+$/i)) });

export interface ChosenFile {
  /** Absolute path the backend can read. In the browser bridge: a server-side temp copy of the upload. */
  path: string;
  name: string;
  size: number;
}

/**
 * Methods served by the shell (Electron main, or the dev bridge), not by the backend worker:
 * they need native dialogs or the user's machine rather than the database.
 */
export const shellContract = {
  chooseOpenFile: method<ChosenFile | null>()(
    z
      .object({ title: z.string().max(200).optional(), filters: z.array(fileFilter).max(10).optional() })
      .strict(),
  ),
};
