import { UserFacingError } from '../../../shared/ipc/result';
import { listBackups } from '../db/backups';
import type { Handlers } from './types';

export const storeHandlers: Handlers<'listBackups' | 'restoreBackup'> = {
  listBackups: (_input, ctx) => (ctx.dataFile ? listBackups(ctx.dataFile) : []),

  restoreBackup() {
    // The backend worker intercepts this call: restoring swaps the file under the open store, so it
    // closes and reopens the store around it. Anything reaching here has no file to swap.
    throw new UserFacingError(
      'user_error',
      'Restoring a backup is only possible in the app, with a data file open.',
    );
  },
};
