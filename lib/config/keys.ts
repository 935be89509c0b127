/** Storage keys, in one place so every part of the extension agrees. */
export const KEYS = {
  policy: 'baton:policy',
  connections: 'baton:connections',
  /** storage.local only; read by the background worker alone. */
  secrets: 'baton:secrets',
  escalations: 'baton:escalations',
  lastConversation: 'baton:lastConversation',
  /** The options form as typed, so unsaved changes survive leaving the page. */
  optionsDraft: 'baton:optionsDraft',
  accounts: 'baton:accounts',
  journal: (key: string) => `baton:journal:${key}`,
  draft: (key: string) => `baton:draft:${key}`,
  sidebarOpen: (platform: string) => `baton:sidebarOpen:${platform}`,
} as const;
