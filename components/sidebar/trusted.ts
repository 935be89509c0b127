import type { SyntheticEvent } from 'react';

/**
 * Runs an action only for the agent's own input. The sidebar lives in the helpdesk page, whose scripts can find
 * its buttons and call `.click()` or dispatch events (security review #5); the browser marks those events
 * untrusted, so Escalate, Retry, Return to bot, Dismiss and "This author is the bot" ignore them.
 */
export function trusted<E extends SyntheticEvent>(action: (e: E) => void): (e: E) => void {
  return (e) => {
    if (!e.nativeEvent.isTrusted) return;
    action(e);
  };
}
