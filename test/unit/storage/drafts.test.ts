import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { journalKey } from '@/lib/schema/plan';
import type { NoteDraft } from '@/lib/schema/storage';
import { noteDraftItem, saveNoteDraft } from '@/utils/storage';
import { limitLocalStorage, QUOTA_BYTES } from '@/test/fixtures/quota-storage';

const typed: NoteDraft = {
  note: 'typed',
  noteEdited: true,
  tags: ['from-the-verdict'],
  tagsEdited: false,
  target: null,
  targetEdited: false,
  suspend: true,
  suspendEdited: false,
};
const key = journalKey('zendesk', 'acme', '9');

let quota: ReturnType<typeof limitLocalStorage>;
beforeEach(() => {
  fakeBrowser.reset();
  quota = limitLocalStorage();
});
afterEach(() => quota.restore());

describe('saving a note draft', () => {
  it('stores the agent’s edits, dated, and nothing else', async () => {
    await expect(saveNoteDraft(key, typed, new Date(5))).resolves.toBe(true);
    expect(await noteDraftItem(key).get()).toEqual({ ...typed, tags: [], suspend: false, savedAt: new Date(5).toISOString() });
  });

  it('a draft that finds no room even after a clean-up is dropped with a reason, never thrown at the sidebar', async () => {
    // Nothing Baton may clean up: the space is someone else's.
    await quota.fill({ filler: 'x'.repeat(QUOTA_BYTES - 20) });
    await expect(saveNoteDraft(key, typed)).resolves.toBe(false);
    expect(await noteDraftItem(key).get()).toBeNull();
  });
});
