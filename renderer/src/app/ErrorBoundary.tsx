import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Changing it (e.g. the page id) clears a caught error. */
  resetKey: string;
  children: ReactNode;
}

/** One broken page must not take the whole shell (navigation, banner) down with it. */
export class ErrorBoundary extends Component<Props, { error: Error | null; key: string }> {
  override state = { error: null as Error | null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: Error | null; key: string }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Page crashed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="panel page-crash" role="alert">
        <h2>This page hit an unexpected error</h2>
        <p className="muted">{this.state.error.message}</p>
        <button type="button" className="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
