import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What this part shows, for the message: "the verdict", "the note". */
  name: string;
  /** A new value (another conversation) gives the part another try. */
  resetKey?: string | null;
  children: ReactNode;
}

interface State {
  failed: boolean;
  resetKey?: string | null;
}

/**
 * Keeps one failing part of the sidebar from taking the rest down: React unmounts the whole tree on an
 * uncaught render error, so without this one bad note (say) would also remove Escalate and Return to bot.
 * The failed part shows a short sentence instead; the reason goes to the console.
 */
export class PartBoundary extends Component<Props, State> {
  override state: State = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { failed: false, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.warn(`[baton] the sidebar could not show ${this.props.name}:`, error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <p className="error small" role="alert" data-testid="part-error">
        Baton could not show {this.props.name}. The rest of the sidebar still works; reloading the page may help.
      </p>
    );
  }
}
