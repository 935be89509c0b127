const STYLE_ID = 'baton-layout';
export const SIDEBAR_WIDTH = 380;

/**
 * Makes room for the open sidebar by narrowing the page, so it never covers the helpdesk's reply box.
 * This is the only style Baton adds to the host page.
 */
export function reserveSpace(on: boolean) {
  let el = document.getElementById(STYLE_ID);
  if (!on) {
    el?.remove();
    return;
  }
  if (!el) {
    el = document.createElement('style');
    el.id = STYLE_ID;
    document.head.append(el);
  }
  el.textContent = `html body { margin-right: ${SIDEBAR_WIDTH}px !important; }`;
}
