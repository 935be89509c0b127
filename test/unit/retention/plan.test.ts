import { describe, expect, it } from 'vitest';
import { planRoom, type Entry } from '@/lib/retention/plan';
import type { Journal } from '@/lib/schema/plan';
import type { NoteDraft } from '@/lib/schema/storage';

const at = (day: number) => new Date(Date.UTC(2026, 10, day)).toISOString();
const draft = (savedAt: string | undefined, edited = true): NoteDraft => ({
  note: 'n',
  noteEdited: edited,
  tags: [],
  tagsEdited: false,
  target: null,
  targetEdited: false,
  suspend: false,
  suspendEdited: false,
  ...(savedAt ? { savedAt } : {}),
});
const journal = (day: number, finished: boolean): Journal =>
  ({
    key: `j${day}`,
    plan: {},
    steps: [],
    startedAt: at(day),
    ...(finished ? { finishedAt: at(day) } : {}),
  }) as unknown as Journal;

const entries: Entry[] = [
  { kind: 'journal', key: 'journal:old-unfinished', bytes: 100, journal: journal(1, false) },
  { kind: 'journal', key: 'journal:old-settled', bytes: 100, journal: journal(2, true) },
  { kind: 'journal', key: 'journal:new-settled', bytes: 100, journal: journal(9, true) },
  { kind: 'draft', key: 'draft:new', bytes: 100, draft: draft(at(8)) },
  { kind: 'draft', key: 'draft:old', bytes: 100, draft: draft(at(3)) },
  { kind: 'draft', key: 'draft:nothing-typed', bytes: 100, draft: draft(at(9), false) },
  { kind: 'spare', key: 'last', bytes: 100 },
];

describe('making room in a full storage', () => {
  it('takes copies, empty drafts, then the oldest drafts, then settled journals oldest first, until enough is freed', () => {
    expect(planRoom(entries, 250, 'none')).toEqual(['last', 'draft:nothing-typed', 'draft:old']);
    expect(planRoom(entries, 10_000, 'none')).toEqual([
      'last',
      'draft:nothing-typed',
      'draft:old',
      'draft:new',
      'journal:old-settled',
      'journal:new-settled',
    ]);
  });

  it('never takes an unfinished journal or the key being written', () => {
    expect(planRoom(entries, 10_000, 'draft:old')).not.toContain('draft:old');
    expect(planRoom(entries, 10_000, 'none')).not.toContain('journal:old-unfinished');
  });
});
