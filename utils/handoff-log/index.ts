export { handoffLog, openHandoffLog, type HandoffLog } from './store';
export { importLegacyRecords } from './legacy';
