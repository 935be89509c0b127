import { browser } from 'wxt/browser';

const BUILT_IN_ORIGIN = 'https://api.openai.com';

/** The match pattern a custom OpenAI-compatible base URL needs, or null when the manifest already covers it. */
export function hostPatternFor(baseURL: string): string | null {
  let url: URL;
  try {
    url = new URL(baseURL.trim());
  } catch {
    return null;
  }
  if (url.origin === BUILT_IN_ORIGIN) return null;
  // Match patterns carry no port; the manifest's optional patterns are written the same way.
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * Must be called synchronously inside the click that saves: browsers only show the prompt during a user
 * gesture, and any await before it would lose the gesture.
 */
export function requestHostPermission(pattern: string): Promise<boolean> {
  try {
    return Promise.resolve(browser.permissions.request({ origins: [pattern] })).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}
