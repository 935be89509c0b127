import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { dispatch } from './dispatch';
import { handle } from './handlers';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw: unknown, sender) => dispatch(raw, sender.tab?.id, handle));

  browser.commands?.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    await browser.tabs.sendMessage(tab.id, { type: 'command', command }).catch(() => {
      // The active tab is not a helpdesk conversation; nothing to do.
    });
  });
});
