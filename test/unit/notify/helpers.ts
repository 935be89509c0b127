import { newJournal } from '@/lib/executor/plan';
import { encodeMarker } from '@/lib/platforms/marker';
import type { Journal } from '@/lib/schema/plan';
import type { HttpRequest, HttpResponse, Transport } from '@/lib/http/types';
import type { Delivery, OutboxStore } from '@/lib/notify/outbox';

/** A finished escalation of Zendesk ticket 7 with a verdict that carries customer text Slack would read as markup. */
export function finishedJournal(overrides: Partial<Journal> = {}): Journal {
  const j = newJournal(
    {
      platform: 'zendesk',
      account: 'acme',
      conversationId: '7',
      tags: ['sys_escalation'],
      note: `Customer wants a human about order #1001.${encodeMarker('bt123')}`,
      noteMarker: 'bt123',
      target: { platform: 'zendesk', kind: 'group', id: '2', name: 'Returns team' },
      routeReason: 'returns → Returns team',
      pause: null,
      tagsBefore: [],
      why: {
        status: 'escalate',
        signals: [
          { kind: 'user_requested_human', quote: 'Get me a <!channel> human & <https://evil.example|click here>', confidence: 0.9 },
        ],
        subAgent: 'returns',
        reason: 'The customer asked for a human.',
        summary: { 'Order number': '#1001', Product: null },
      },
    },
    [['tags', 'note', 'assign', 'pause']],
    new Date('2026-12-01T10:00:00Z'),
  );
  return { ...j, finishedAt: '2026-12-01T10:00:02.000Z', ...overrides };
}

/** The outbox in memory; copies on the way in and out, as storage does. */
export function memoryOutbox(): OutboxStore & { list: Delivery[] } {
  const box = {
    list: [] as Delivery[],
    read: async () => structuredClone(box.list),
    write: async (l: Delivery[]) => void (box.list = structuredClone(l)),
  };
  return box;
}

/** A receiver that answers each POST from a script (then 200), recording what it got. */
export function scriptedReceiver(script: (HttpResponse | Error)[] = []) {
  const got: HttpRequest[] = [];
  const transport: Transport = async (req) => {
    got.push(structuredClone(req));
    const next = script.shift() ?? { status: 200, headers: {}, body: 'ok' };
    if (next instanceof Error) throw next;
    return next;
  };
  return { got, transport };
}
