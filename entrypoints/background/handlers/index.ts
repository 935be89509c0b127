import type { Handlers } from '@/entrypoints/background/dispatch';
import { check } from './check';
import { secretPresence, saveSecrets, setConnectionField, testConnection } from './connection';
import { openOptions, testEngine } from './engine';
import { escalate, journal, resume, retry } from './escalation';
import { targets } from './targets';
import { testWebhook } from './notify';
import { logEvent } from './log';
import { measuredWait } from './wait';
import { teamInsights } from './team';
import { watchEscalate, watchList, watchPanel, watchPreview, watchScan } from './watch';
import { setupHandlers } from '@/entrypoints/background/setup';

/** Every request type of the protocol (lib/schema/messages.ts) and the handler that answers it. */
export const handlers: Handlers = {
  check,
  targets,
  escalate,
  retry,
  resume,
  journal,
  testConnection,
  setConnectionField,
  testEngine,
  openOptions,
  secretPresence,
  saveSecrets,
  logEvent,
  measuredWait,
  ...setupHandlers,
  testWebhook,
  teamInsights,
  watchList,
  watchPanel,
  watchScan,
  watchPreview,
  watchEscalate,
};
