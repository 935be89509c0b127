/** After React has rendered a new or moved row, keyboard focus goes to it, so keyboard users never lose their place. */
export function focusSoon(id: string): void {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}
