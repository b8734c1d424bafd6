export function ImportWizard({ onClose }: { onClose(changed: boolean): void }) {
  return (
    <div role="dialog" aria-label="Import">
      <button type="button" onClick={() => onClose(false)}>
        Close
      </button>
    </div>
  );
}
