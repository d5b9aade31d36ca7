export { createCloud, type Cloud, type CloudOptions, type ServiceName } from './createCloud.js';
export type { CloudServices } from './services.js';
export { InProcessHandler } from './http/inProcessHandler.js';
export { loadMasterKey, userConfigDir } from './crypto/masterKey.js';
export { rootCredentials, type AwsCredentials } from './iam/credentials.js';
export { createLogger, type Logger } from './logger.js';
export { systemClock, type Clock } from './clock.js';
export { openDatabase } from './store/database.js';
