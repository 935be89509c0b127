export { handoffLog, openHandoffLog, LOG_DB_NAME, type HandoffLog, type AddOptions } from './store';
export { importLegacyRecords } from './legacy';
