import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { migrateStorage } from '@/utils/storage';
import { dispatch } from './dispatch';
import { handlers } from './handlers/index';
import { installRelay } from './relay';
import { installResume } from './resume';
import { installFirstRun } from './setup';
import { installHandoffLog } from './insights';
import { installNotify } from './notify';
import { installUpkeep } from './upkeep';
import { warmEngine } from './warm';
import { installTokenizer } from './handlers/llm-options';
import { installWatch } from './watch';

export default defineBackground(() => {
  // Stored values from older versions are upgraded now, before the first page asks for them.
  void migrateStorage();
  // The whole sender: which requests a context may make depends on where it runs (senders.ts).
  browser.runtime.onMessage.addListener((raw: unknown, sender) => dispatch(raw, sender, handlers));
  // Session requests go through ready helpdesk tabs; escalations cut off by a tab or worker going away finish.
  installResume(installRelay());
  installFirstRun();
  installUpkeep(installHandoffLog());
  installNotify();
  warmEngine();
  installTokenizer();
  installWatch();

  browser.commands?.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    await browser.tabs.sendMessage(tab.id, { type: 'command', command }).catch(() => {
      // The active tab is not a helpdesk conversation; nothing to do.
    });
  });
});
