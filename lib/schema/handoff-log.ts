import { z } from 'zod';

/** What the local handoff log (IndexedDB) keeps. */
export const HandoffLogSettingsSchema = z.object({
  /** Off: entries keep the evidence quote only, never other customer text. */
  keepCustomerText: z.boolean().default(false),
  /** The oldest entries are dropped beyond this many. */
  maxEntries: z
    .number({ error: 'Give a number of entries' })
    .int('Use a whole number')
    .min(100, 'At least 100')
    .max(100_000, 'At most 100000')
    .default(10_000),
});
