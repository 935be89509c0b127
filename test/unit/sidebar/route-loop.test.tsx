// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { RouteCard } from '@/components/sidebar/RouteCard';
import type { Target } from '@/lib/schema/target';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLElement;
afterEach(() => host?.remove());

const ANA: Target = { platform: 'zendesk', kind: 'user', id: '7', name: 'Ana' };
const REASON = 'Came back within 72 h of a Return to bot: routed to Ana, who handled it';

describe('the route card on a loop', () => {
  it('says why the conversation goes to the earlier owner and shows the earlier handoff note on click', async () => {
    const shown: [number, string][] = [];
    host = document.createElement('div');
    document.body.append(host);
    const loop = { since: '2026-12-07T10:00:00.000Z', windowHours: 72, owner: 'Ana', note: { messageIndex: 4, quote: 'eyJ2IjoxLCJr' } };
    await act(async () =>
      createRoot(host).render(
        <RouteCard
          target={ANA}
          reason={REASON}
          edited={false}
          targets={[ANA]}
          targetsError={null}
          disabled={false}
          onChange={() => {}}
          onRefresh={() => {}}
          loop={loop}
          onShowNote={(i, q) => shown.push([i, q])}
        />,
      ),
    );
    expect(host.querySelector('[data-testid="route-reason"]')?.textContent).toBe(REASON);
    expect(host.querySelector<HTMLSelectElement>('[data-testid="target"]')?.value).toBe('user:7');
    const button = host.querySelector<HTMLButtonElement>('[data-testid="loop-note"]')!;
    expect(button.textContent).toBe('Show the earlier handoff (Ana)');
    await act(async () => button.click());
    expect(shown).toEqual([[4, 'eyJ2IjoxLCJr']]);
  });
});
