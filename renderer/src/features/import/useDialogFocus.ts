import { useEffect, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
}

/**
 * Keeps keyboard focus inside a modal dialog and gives it back to whatever opened the dialog
 * (the "Import…" button) when it closes. Focus can still leave through a button that gets disabled
 * or a step that unmounts under it; the focusin guard brings it back on the next Tab.
 */
export function useDialogFocus(dialog: RefObject<HTMLElement | null>, step: string) {
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.focus();
    const guard = (event: FocusEvent) => {
      const root = dialog.current;
      if (root && event.target instanceof Node && !root.contains(event.target)) root.focus();
    };
    document.addEventListener('focusin', guard);
    return () => {
      document.removeEventListener('focusin', guard);
      returnFocus(opener);
    };
  }, [dialog]);

  // A new step replaces the control that had focus: start again from the dialog, where a screen
  // reader announces its title.
  useEffect(() => {
    const root = dialog.current;
    if (root && !root.contains(document.activeElement)) root.focus();
  }, [dialog, step]);
}

/**
 * Back to the opener; when an import replaced it (the empty page's "Import…" button is gone once
 * rows exist), to another "Import…" button, else the page heading, never to the document body.
 */
function returnFocus(opener: HTMLElement | null): void {
  if (opener?.isConnected) {
    opener.focus();
    return;
  }
  const fallback =
    document.querySelector<HTMLElement>('[data-import-opener]') ??
    document.querySelector<HTMLElement>('main h1[tabindex="-1"], h1[tabindex="-1"]');
  fallback?.focus();
}

/** Tab and Shift+Tab wrap around inside the dialog. */
export function trapTab(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab') return;
  const items = focusables(event.currentTarget);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === event.currentTarget)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
