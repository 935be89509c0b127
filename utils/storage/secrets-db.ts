/**
 * Where the secrets live: one record in an IndexedDB database of the extension's own origin. Kept apart
 * (no imports) so the e2e harness can write the same record from the worker.
 */
export const SECRETS_DB = { name: 'baton-secrets', version: 1, store: 'secrets', key: 'current' } as const;
