import { useShell } from './store';

/** Global errors: failed calls no page could handle, and anything a feature reports. */
export function ErrorBanner() {
  const errors = useShell((s) => s.errors);
  const dismissError = useShell((s) => s.dismissError);
  if (errors.length === 0) return null;
  return (
    <div className="error-banner" role="alert" aria-label="Errors">
      {errors.map((e) => (
        <div key={e.id} className="error-notice">
          <div className="error-text">
            <strong>{e.title}</strong>
            {e.count > 1 && <span className="badge">×{e.count}</span>}
            <span className="error-message">{e.message}</span>
            {e.context && <span className="error-context">{e.context}</span>}
          </div>
          <button
            type="button"
            className="icon-button"
            aria-label={`Dismiss: ${e.title}`}
            onClick={() => dismissError(e.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
