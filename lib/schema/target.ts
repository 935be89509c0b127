import { z } from 'zod';
import { PlatformSchema } from './conversation';

/**
 * Something a conversation can be routed to. Front: inbox | teammate | view; Gorgias: team | user | view;
 * Zendesk: group | agent | view. A view is a filter, so routing to it means making the conversation match it.
 */
export const TargetKindSchema = z.enum(['inbox', 'team', 'group', 'user', 'view']);
export type TargetKind = z.infer<typeof TargetKindSchema>;

export const TargetSchema = z.object({
  platform: PlatformSchema,
  kind: TargetKindSchema,
  id: z.string().min(1),
  name: z.string().min(1),
  /** For views: the tag that makes a conversation match, resolved when targets are listed. */
  viewTag: z.string().optional(),
});
export type Target = z.infer<typeof TargetSchema>;
