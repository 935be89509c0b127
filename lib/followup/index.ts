/**
 * Follow-through: checks what the bot told the customer against what the helpdesk shows (a promised handoff
 * nobody did, a bot still replying after Baton paused it, an escalation nobody picked up). Pure TypeScript;
 * the sidebar runs it on every check result with Baton's clock.
 */
export { followThrough } from './check';
export { pickupTime } from './pickup';
export { promiseOf } from './promise';
// promiseIndexes (./promises) reads messages with the NLP act readers: imported by the background only.
