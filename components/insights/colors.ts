import type { Reason } from '@/lib/insights/aggregate';
import { reasonColor, reasonLabel } from '@/lib/insights/reasons';

/** One colour per reason, the same in the chart, its legend, the table and the quote lists (from the signal registry). */
export const REASON_COLOR = (r: Reason): string => reasonColor(r);

export const REASON_NAME = (r: Reason): string => reasonLabel(r);
