// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PartBoundary } from '@/components/sidebar/PartBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLElement;
afterEach(() => host?.remove());

/** Renders like the sidebar's note preview did for a note holding "\u000099\u0000" (review #9). */
function Broken(): never {
  throw new TypeError("Cannot read properties of undefined (reading 'replace')");
}

async function show(resetKey: string, broken: boolean) {
  const root = createRoot(host);
  await act(async () =>
    root.render(
      <div>
        <PartBoundary name="the note" resetKey={resetKey}>
          {broken ? <Broken /> : <p data-testid="note">fine</p>}
        </PartBoundary>
        <button type="button" data-testid="escalate">
          Escalate
        </button>
      </div>,
    ),
  );
  return root;
}

describe('a failing sidebar part', () => {
  it('shows a short message in its place while the rest of the sidebar stays usable', async () => {
    host = document.createElement('div');
    document.body.append(host);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await show('a', true);
    expect(host.querySelector('[role="alert"]')?.textContent).toMatch(
      /^Baton could not show the note\. The rest of the sidebar still works/,
    );
    expect(host.querySelector('[data-testid="escalate"]')).not.toBeNull();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    error.mockRestore();
  });

  it('tries again for another conversation', async () => {
    host = document.createElement('div');
    document.body.append(host);
    const quiet = [vi.spyOn(console, 'warn').mockImplementation(() => {}), vi.spyOn(console, 'error').mockImplementation(() => {})];
    const root = createRoot(host);
    const render = (key: string, broken: boolean) =>
      act(async () =>
        root.render(
          <PartBoundary name="the note" resetKey={key}>
            {broken ? <Broken /> : <p data-testid="note">fine</p>}
          </PartBoundary>,
        ),
      );
    await render('a', true);
    expect(host.querySelector('[data-testid="part-error"]')).not.toBeNull();
    await render('b', false);
    expect(host.querySelector('[data-testid="note"]')?.textContent).toBe('fine');
    for (const q of quiet) q.mockRestore();
  });
});
