import type { RequestOf, ResponseInput } from '@/lib/schema/messages';
import { teamStatus } from '@/entrypoints/background/team';

/** Team Insights: start reading the helpdesks, or how the read stands. */
export async function teamInsights(req: RequestOf<'teamInsights'>): Promise<ResponseInput<'teamInsights'>> {
  return teamStatus(req.days, req.start);
}
