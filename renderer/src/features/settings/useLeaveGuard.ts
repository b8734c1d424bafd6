import { useEffect, useRef, useState } from 'react';
import { useNavigation, type PageId } from '../../app/navigation';

interface Leaving {
  page: PageId;
  param: string | null;
}

type Navigate = (page: PageId, param?: string | null) => void;

/**
 * While `dirty`, asks before the page is left. In-app navigation (sidebar, drill-downs) waits for
 * the answer in the page's own dialog; closing or reloading the window gets the browser's
 * "Leave site?" prompt through beforeunload.
 */
export function useLeaveGuard(dirty: boolean, ownPage: PageId) {
  const [leaving, setLeaving] = useState<Leaving | null>(null);
  const proceed = useRef<Navigate | null>(null);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium (and Electron) only prompt when returnValue is set as well.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    // The shell has no leave hook, so the page holds navigation itself while there is something
    // to lose: the store's navigate is swapped for one that asks, and put back afterwards.
    const original = useNavigation.getState().navigate;
    proceed.current = original;
    const guarded: Navigate = (page, param = null) => {
      if (page === ownPage) original(page, param);
      else setLeaving({ page, param });
    };
    useNavigation.setState({ navigate: guarded });
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      if (useNavigation.getState().navigate === guarded) useNavigation.setState({ navigate: original });
    };
  }, [dirty, ownPage]);

  return {
    leaving,
    stay: () => setLeaving(null),
    leave: () => {
      if (!leaving) return;
      setLeaving(null);
      proceed.current?.(leaving.page, leaving.param);
    },
  };
}
