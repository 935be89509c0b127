import '@/components/sidebar/sidebar.css';
import { StrictMode, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { App } from '@/components/sidebar/App';
import { PartBoundary } from '@/components/sidebar/PartBoundary';
import { readAhead, setConversationCheck, useSidebar } from '@/components/sidebar/store';
import { flushDraft } from '@/components/sidebar/draft';
import { ConversationRefSchema, MessageSchema, type ConversationRef, type Message } from '@/lib/schema/conversation';
import { SidebarPortMessageSchema, type CheckResult, type SidebarPortMessage, type SidebarTabRequest } from '@/lib/schema/messages';
import { journalKey } from '@/lib/schema/plan';
import type { Policy } from '@/lib/schema/policy';
import { startClock } from '@/utils/clock';
import { send } from '@/utils/messaging';
import { journalItem, policyStore } from '@/utils/storage';
import type { Boot } from './main';

/**
 * The sidebar, as an extension page in a frame on the helpdesk page: the page can neither read it nor click
 * into it. It talks to the background itself (utils/messaging) and to its tab's content script, which reads
 * the page for it, over a port it opens to the tab's top frame and `tabs.sendMessage(…, { frameId: 0 })`.
 */
const store = useSidebar;
/** A performance mark: when the first verdict was drawn (the frame's clock; see Frame). */
const VERDICT_SHOWN = 'baton:verdict-shown';
const keyOf = (ref: ConversationRef | null) => (ref ? journalKey(ref.platform, ref.account, ref.conversationId) : null);

/** Starts the sidebar once its code is in (see main.ts, which found the tab and opened the port). */
export function start({ tabId, listen, policy: policyRead }: Boot) {
  const toPage = (req: SidebarTabRequest) => browser.tabs.sendMessage(tabId, req, { frameId: 0 });

  // Messages are handled one after another, once the policy is in.
  let policy: Policy;
  const booted = Promise.all([policyRead.then((p) => (policy = p)), startClock()]);

  let stopJournal: (() => void) | null = null;
  /** Journal progress is written by the background; any tab showing this conversation follows it live. */
  const followJournal = (key: string | null) => {
    stopJournal?.();
    stopJournal = key ? journalItem(key).watch(({ value }) => store.getState().journalChanged(value)) : null;
    // Read once too: the frame starts late in the page's life, and an escalation the background finished
    // meanwhile (resumed after a reload) changes nothing more, while the early check may carry an older copy.
    if (key)
      void journalItem(key)
        .get()
        .then((j) => {
          if (j && store.getState().key === key) store.getState().journalChanged(j);
        })
        .catch(() => {});
  };

  const domMessages = (): Promise<Message[]> =>
    toPage({ type: 'sidebar', op: 'domMessages' }).then(
      (r) => z.array(MessageSchema).catch([]).parse(r),
      () => [],
    );
  const check = async (force = false) => store.getState().check({ force, domMessages: await domMessages() });

  /** The early check's answer, handed over by the content script after the `conversation` message. */
  let early: { key: string; resolve: (r: CheckResult | null) => void } | null = null;

  const show = async (ref: ConversationRef | null, withEarly: boolean) => {
    const key = keyOf(ref);
    const prevKey = store.getState().key;
    if (key === prevKey) return;
    early = null;
    if (prevKey) await flushDraft(prevKey);
    followJournal(key);
    if (!ref) {
      await store.getState().setConversation(null, policy);
      return;
    }
    // The conversation is shown at once; its draft and open state are read while the verdict is asked for
    // (the store merges an answer only once the saved draft is in).
    void store.getState().setConversation(ref, policy);
    if (withEarly) {
      const answer = new Promise<CheckResult | null>((resolve) => (early = { key: key!, resolve }));
      // When the early check failed (the API could not be read), ask again with the messages on the page.
      void store
        .getState()
        .check({ answer: answer.then(async (r) => r ?? send('check', { ref, force: false, domMessages: await domMessages() })) });
    } else void check();
  };

  const handle = async (msg: SidebarPortMessage) => {
    const s = store.getState();
    switch (msg.type) {
      case 'conversation':
        return show(msg.ref, msg.early);
      case 'answer':
        if (early?.key === msg.key) early.resolve(msg.result);
        return;
      case 'thread':
        return void check();
      case 'command':
        if (!s.ref) return;
        if (msg.command === 'toggle-sidebar') s.setOpen(!s.open);
        if (msg.command === 'escalate' && s.result?.verdict.status === 'escalate' && !s.journal) void s.escalate();
    }
  };
  let queue: Promise<unknown> = booted;
  let first = true;
  listen((raw: unknown) => {
    const parsed = SidebarPortMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    // The first conversation's draft and open state are read while the policy is (see readAhead).
    if (first && parsed.data.type === 'conversation' && parsed.data.ref) readAhead(parsed.data.ref);
    first = false;
    queue = queue.then(() => handle(parsed.data)).catch((e: unknown) => console.warn('[baton] sidebar message failed:', e));
  });

  // Before any action: the page's URL is read again in the tab. A page that moved on (its own navigation, or
  // a script calling history.pushState) gets the new conversation shown, and the action is not taken.
  const CurrentSchema = z.object({ ref: ConversationRefSchema.nullable() });
  setConversationCheck(async (key) => {
    let now: ConversationRef | null;
    try {
      now = CurrentSchema.parse(await toPage({ type: 'sidebar', op: 'conversation' })).ref;
    } catch {
      throw new Error('Baton could not read which conversation this page shows. Reload the page and try again.');
    }
    if (keyOf(now) === key) return true;
    await show(now, false);
    return false;
  });

  policyStore.watch(async () => {
    policy = (await policyStore.read()).policy;
    store.getState().setPolicy(policy);
    void check(true);
  });
  addEventListener('pagehide', () => {
    const key = store.getState().key;
    if (key) void flushDraft(key);
  });

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PartBoundary name="the sidebar">
        <Frame toPage={toPage} />
      </PartBoundary>
    </StrictMode>,
  );
}

/** The app, and the frame's size reported to the content script whenever it changes shape. */
function Frame({ toPage }: { toPage: (req: SidebarTabRequest) => Promise<unknown> }) {
  const open = useSidebar((s) => s.open);
  const ref = useSidebar((s) => s.ref);
  const shown = useSidebar((s) => !!s.result);
  useLayoutEffect(() => {
    // Time to verdict, for `npm run bench`: a test driver reaches this frame only after it has loaded, too
    // late to watch for the verdict itself, so the frame notes when the first verdict reached the screen.
    if (shown && !performance.getEntriesByName(VERDICT_SHOWN).length) requestAnimationFrame(() => performance.mark(VERDICT_SHOWN));
  }, [shown]);
  useLayoutEffect(() => {
    if (!ref) return;
    const launcher = document.querySelector('.launcher')?.getBoundingClientRect();
    void toPage({ type: 'sidebar', op: 'layout', open, width: launcher?.width ?? 0, height: launcher?.height ?? 0 }).catch(() => {});
  }, [open, ref, toPage]);
  return <App onQuote={(index, quote) => void toPage({ type: 'sidebar', op: 'highlight', index, quote }).catch(() => {})} />;
}
