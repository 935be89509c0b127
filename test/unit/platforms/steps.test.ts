import { describe, expect, it } from 'vitest';
import { checkLayout, groupOperations } from '@/lib/platforms/steps';

describe('request grouping of escalation steps', () => {
  it('refuses a layout that would pause the bot before the note or assignment lands', () => {
    expect(() => checkLayout([['pause', 'tags'], ['note'], ['assign']])).toThrow(/last request/);
    expect(() => checkLayout([['note'], ['note', 'pause']])).toThrow(/two request groups/);
    expect(checkLayout([['note'], ['assign'], ['tags', 'pause']])).toHaveLength(3);
  });

  it('sends only the steps still to do, in layout order, one request per group', () => {
    const ops = groupOperations([['note'], ['assign'], ['tags', 'pause']], ['pause', 'assign', 'tags'], (steps) => ({
      covers: steps,
      run: async () => {},
    }));
    expect(ops.map((o) => o.covers)).toEqual([['assign'], ['tags', 'pause']]);
  });

  it('completes a group that needs no request without sending anything', async () => {
    const ops = groupOperations([['note'], ['tags', 'pause']], ['tags'], () => null);
    expect(ops).toHaveLength(1);
    await expect(ops[0].run()).resolves.toBeUndefined();
  });
});
