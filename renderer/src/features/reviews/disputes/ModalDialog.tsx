import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A native modal <dialog>: the page behind is inert (focus stays inside), Escape closes, and focus
 * returns to whatever opened it. The parent unmounts it to close.
 */
export function ModalDialog(props: {
  title: string;
  className?: string;
  onClose(): void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dispute-dialog ${props.className ?? ''}`}
      aria-labelledby={titleId}
      // Escape: the parent unmounts the dialog; a 'close' listener would also fire on that unmount.
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <header className="dispute-dialog-head">
        <h2 id={titleId}>{props.title}</h2>
        <button type="button" className="secondary" onClick={props.onClose}>
          Close
        </button>
      </header>
      {props.children}
    </dialog>
  );
}
