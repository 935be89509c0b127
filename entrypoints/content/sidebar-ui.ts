import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { App } from '@/components/sidebar/App';

/**
 * The sidebar's shadow root, one per tab: it outlives the conversations shown in it (a switch redraws it
 * from the store) and is removed on pages without a conversation. WXT removes it with the context.
 */
export class SidebarShell {
  private ui: Promise<ShadowRootContentScriptUi<Root>> | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly onQuote: (index: number, quote: string) => void,
  ) {}

  /** Builds the shadow root (its stylesheet is fetched) without showing it yet. */
  prepare(): Promise<ShadowRootContentScriptUi<Root>> {
    this.ui ??= createShadowRootUi(this.ctx, {
      name: 'baton-sidebar',
      // Closed: the helpdesk page's scripts get null from the host's shadowRoot, so they cannot read the note or
      // find the buttons (security review A2). The buttons also act only on trusted clicks (trusted.ts).
      mode: 'closed',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: (container) => {
        const root = createRoot(container);
        root.render(createElement(App, { onQuote: this.onQuote }));
        return root;
      },
      onRemove: (root) => root?.unmount(),
    });
    return this.ui;
  }

  async show(): Promise<void> {
    const shell = await this.prepare();
    if (!shell.mounted) shell.mount();
  }

  async remove(): Promise<void> {
    const gone = this.ui;
    this.ui = null;
    (await gone)?.remove();
  }
}
