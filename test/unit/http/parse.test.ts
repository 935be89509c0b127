import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseBody } from '@/lib/http/parse';

describe('response validation', () => {
  const Ticket = z.object({ ticket: z.object({ id: z.number(), tags: z.array(z.string()) }) });

  it('returns the typed body when the answer has the expected shape', () => {
    expect(parseBody(Ticket, { ticket: { id: 7, tags: ['a'], extra: 1 } }, 'Zendesk', 'read the ticket').ticket.id).toBe(7);
  });

  it('turns an unexpected shape into a plain sentence naming the platform, the action and the field', () => {
    expect(() => parseBody(Ticket, { ticket: { id: '7' } }, 'Zendesk', 'read the ticket')).toThrow(
      /^Zendesk answered the request to read the ticket in a form Baton does not recognise \(ticket\.id: .*\)/,
    );
  });
});
