/** Sandbox helpdesk pages that hold no conversation. */

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A page that is not a conversation (dashboards, settings): no thread at all. */
export function renderOtherPage(brand: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(brand)}</title></head><body><h1>${esc(brand)}</h1><p>Dashboard</p></body></html>`;
}
