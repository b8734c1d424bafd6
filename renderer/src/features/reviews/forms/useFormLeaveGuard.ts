import { useState } from 'react';
import { useLeaveGuard } from '../../settings/useLeaveGuard';

/**
 * Asks before an unsaved draft is dropped: leaving the Reviews page (the settings' guard) or going
 * back to the list of forms. Other Reviews tabs need no question: the draft waits in the store.
 * `drop` closes the editor once the lead agrees to leave the page.
 */
export function useFormLeaveGuard(dirty: boolean, drop: () => void) {
  const page = useLeaveGuard(dirty, 'reviews');
  const [pending, setPending] = useState<(() => void) | null>(null);
  return {
    asking: page.leaving !== null || pending !== null,
    /** Runs `action` now, or once the lead agrees to drop the draft. */
    confirm(action: () => void) {
      if (dirty) setPending(() => action);
      else action();
    },
    leave() {
      const action = pending;
      setPending(null);
      if (page.leaving) {
        drop();
        page.leave();
      }
      action?.();
    },
    stay() {
      page.stay();
      setPending(null);
    },
  };
}
