/**
 * Port names, apart from the message schemas so that the sidebar frame's first script can open its port
 * without loading them.
 */

/** The sidebar frame connects a port of this name to its own tab's content script (top frame only). */
export const SIDEBAR_PORT = 'baton:sidebar';
