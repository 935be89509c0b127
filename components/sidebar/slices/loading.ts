/**
 * The current conversation's stored state (saved draft, open state) being read. A check answer is merged
 * only once it is in, so an answer that arrives first never replaces the agent's saved draft.
 */
let loading: Promise<void> = Promise.resolve();

export const storedStateLoaded = () => loading;

export function loadingStoredState(next: Promise<void>): Promise<void> {
  loading = next;
  return next;
}
