import { Component, type ReactNode } from 'react';
import { StartupError } from './StartupError.tsx';

/** Catches a screen that fails to load or render, and offers to start it again. */
export class ScreenErrorBoundary extends Component<
  { children: ReactNode },
  { error: unknown; failed: boolean }
> {
  override state = { error: undefined as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return <StartupError error={this.state.error} onRetry={() => location.reload()} />;
  }
}
