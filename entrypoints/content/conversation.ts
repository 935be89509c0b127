import type { PlatformAdapter } from '@/lib/platforms/types';
import type { ConversationRef, Message } from '@/lib/schema/conversation';
import type { CheckResult } from '@/lib/schema/messages';
import type { Policy } from '@/lib/schema/policy';
import { useSidebar } from '@/components/sidebar/store';
import { flushDraft } from '@/components/sidebar/draft';
import { journalItem } from '@/utils/storage';
import { send } from '@/utils/messaging';
import { onAbort } from './lifetime';
import { reserveSpace } from './layout';
import type { SidebarShell } from './sidebar-ui';
import { watchConversation, watchThreadRoot } from './thread';

export interface ConversationDeps {
  shell: SidebarShell;
  /** The policy as it is now (Options may change it while the conversation is open). */
  policy(): Policy;
  /** The check asked for at page load, when it was for this conversation; null when it failed. */
  early: Promise<CheckResult | null> | null;
}

/**
 * One open conversation in the tab: its sidebar state, its journal followed live, and its re-checks when the
 * page shows something new. `init(signal)` starts all of it; everything stops when the signal aborts (the
 * agent opened another conversation, or the extension was updated under the page).
 */
export class OpenConversation {
  readonly key: string;

  constructor(
    readonly ref: ConversationRef,
    readonly adapter: PlatformAdapter,
    key: string,
    private readonly deps: ConversationDeps,
  ) {
    this.key = key;
  }

  /** The messages the page shows, for the API-less fallback and the re-check rule. */
  domMessages = (): Message[] => {
    try {
      return this.adapter.dom.readMessages(document, this.deps.policy().botIdentity[this.adapter.platform]).map((m) => m.message);
    } catch {
      return [];
    }
  };

  /** `force`: read everything again (the agent's ↻, a new policy); `newMessage`: the page just showed one. */
  check = (opts: { force?: boolean; newMessage?: boolean } = {}) =>
    useSidebar.getState().check({ ...opts, domMessages: this.domMessages() });

  async init(signal: AbortSignal): Promise<void> {
    const store = useSidebar;
    // Typing not yet saved belongs to this conversation, whatever opens next.
    onAbort(signal, () => void flushDraft(this.key));
    // Journal progress is written by the background; any tab showing this conversation follows it live.
    onAbort(
      signal,
      journalItem(this.key).watch(({ value }) => store.getState().journalChanged(value)),
    );
    // Shown at once; the draft and open state are read while the verdict is asked for and the sidebar drawn
    // (the store merges an answer only once the saved draft is in).
    const loaded = store.getState().setConversation(this.ref, this.deps.policy());
    const early = this.deps.early;
    if (early) {
      // When the check asked at load failed (the API could not be read), it is asked again with the page's messages.
      const ref = this.ref;
      void store
        .getState()
        .check({ answer: early.then((r) => r ?? send('check', { ref, force: false, domMessages: this.domMessages() })) });
    } else void this.check();
    await Promise.all([this.deps.shell.prepare(), loaded]);
    if (signal.aborted) return;
    await this.deps.shell.show();
    reserveSpace(store.getState().open);
    // The view renders when the page gets to it (and again after in-app navigation).
    const dom = this.adapter.dom;
    watchThreadRoot(
      signal,
      () => dom.threadRoot(document),
      (root, rootSignal) =>
        watchConversation(rootSignal, root, this.domMessages, (change) => void this.check({ newMessage: change === 'new-message' })),
    );
  }
}
