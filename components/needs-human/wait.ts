/** "12 min", "2 h 5 min", "3 d 4 h": how long the customer has waited. */
export function waitedText(since: string | undefined, now: number): string {
  const t = since ? Date.parse(since) : NaN;
  if (Number.isNaN(t)) return 'unknown';
  const minutes = Math.max(0, Math.floor((now - t) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
