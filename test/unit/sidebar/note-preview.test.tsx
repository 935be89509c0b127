// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { NoteEditor } from '@/components/sidebar/NoteEditor';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLElement;
afterEach(() => host?.remove());

async function show(note: string): Promise<HTMLElement> {
  host = document.createElement('div');
  document.body.append(host);
  await act(async () => createRoot(host).render(<NoteEditor note={note} edited={false} disabled={false} onChange={() => {}} />));
  return host.querySelector<HTMLElement>('[data-testid="note-preview"]')!;
}

describe('note preview in the sidebar', () => {
  it('shows the note as the helpdesk will: bold and list items formatted, no literal asterisks', async () => {
    const preview = await show('**Escalation**\n\n- Customer asked for a human\n- Order #48213');
    expect(preview.querySelector('strong')?.textContent).toBe('Escalation');
    expect([...preview.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Customer asked for a human', 'Order #48213']);
    expect(preview.textContent).not.toContain('**');
  });

  it("keeps a customer's quoted markup as text: no element, no handler, nothing runs", async () => {
    const attack = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const preview = await show(`**Escalation**\n\nCustomer wrote: "${attack}"`);
    expect(preview.querySelector('img, script, [onerror]')).toBeNull();
    expect(preview.textContent).toContain(attack);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
