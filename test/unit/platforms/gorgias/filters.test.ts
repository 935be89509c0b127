import { describe, expect, it } from 'vitest';
import { viewTagOf } from '@/lib/platforms/gorgias/filters';

/** [view filter, the one tag that makes a ticket match it (undefined: no single tag can)]. */
const CASES: [string | null, string | undefined][] = [
  ["containsAll(ticket.tags.name, ['vip'])", 'vip'],
  ['containsAll(ticket.tags.name, ["vip"])', 'vip'],
  ["containsAll(ticket.tags.name, ['vip', 'vip'])", 'vip'],
  ["containsAny(ticket.tags.name, ['vip', 'vip_gold'])", 'vip'],
  ["eq(ticket.tags.name, 'sys_escalation')", 'sys_escalation'],
  ["contains(ticket.tags.name, 'refund')", 'refund'],
  ["containsAll(ticket.tags, ['vip'])", 'vip'],
  ["  containsAll( ticket.tags.name ,[ 'needs human' ] )  ", 'needs human'],
  ["containsAll(ticket.tags.name, ['it\\'s'])", "it's"],
  ["(containsAll(ticket.tags.name, ['a']))", 'a'],
  ["containsAny(ticket.tags.name, ['a', 'b']) && containsAll(ticket.tags.name, ['b'])", 'b'],
  ["containsAll(ticket.tags.name, ['a']) || eq(ticket.status, 'closed')", 'a'],
  ["eq(ticket.status, 'closed') || containsAny(ticket.tags.name, ['x', 'y'])", 'x'],
  ["containsAll(ticket.tags.name, ['a']) || containsAll(ticket.tags.name, ['b'])", 'a'],
  // Conditions a tag cannot meet.
  ["containsAll(ticket.tags.name, ['a', 'b'])", undefined],
  ["containsAll(ticket.tags.name, ['a']) && containsAll(ticket.tags.name, ['b'])", undefined],
  ["eq(ticket.status, 'open') && containsAll(ticket.tags.name, ['vip'])", undefined],
  ["eq(ticket.status, 'open')", undefined],
  ['isEmpty(ticket.assignee_user.id) && isEmpty(ticket.assignee_team.id)', undefined],
  ["eq(ticket.assignee_user.id, '{{current_user.id}}')", undefined],
  ['eq(ticket.assignee_team.id, 11)', undefined],
  ["notContains(ticket.tags.name, 'vip')", undefined],
  ["!containsAll(ticket.tags.name, ['vip'])", undefined],
  ["containsAll(ticket.customer.tags, ['vip'])", undefined],
  ['containsAny(ticket.tags.name, [])', undefined],
  ["containsAll(ticket.tags.name, [''])", undefined],
  ["gte(ticket.created_datetime, '-24h')", undefined],
  // Not an expression Baton can read.
  ["containsAll(ticket.tags.name, ['vip']", undefined],
  ["containsAll(ticket.tags.name, ['vip'])) junk", undefined],
  ["containsAll(ticket.tags.name, ['unterminated])", undefined],
  ['ticket.tags.name ~= vip', undefined],
  ['', undefined],
  [null, undefined],
];

describe('a view filter as a tag', () => {
  it.each(CASES)('%s → %s', (filters, tag) => {
    expect(viewTagOf(filters)).toBe(tag);
  });
});
