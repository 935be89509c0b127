import { z } from 'zod';
import { formMeta } from './form-meta';

/** What the local handoff log (IndexedDB) keeps. */
export const HandoffLogSettingsSchema = z.object({
  /** Off: entries keep the evidence quote only, never other customer text. */
  keepCustomerText: z.boolean().default(false).register(formMeta, {
    title: 'Keep customer text beyond the evidence quote',
    help: "Off (recommended): the log keeps only the short quotes that made each verdict. On: it also keeps the summary fields (order numbers, names, what the customer wants), which are personal data: turn it on only if your privacy rules allow storing them in agents' browsers.",
  }),
  /** The oldest entries are dropped beyond this many. */
  maxEntries: z
    .number({ error: 'Give a number of entries' })
    .int('Use a whole number')
    .min(100, 'At least 100')
    .max(100_000, 'At most 100000')
    .default(10_000)
    .register(formMeta, { title: 'Entries kept', help: 'Beyond this many, the oldest entries are dropped ({min} to {max}).' }),
});
