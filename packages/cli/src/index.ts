export { main } from './ampx.js';
export { SecretClient } from './secrets/secretClient.js';
export { toStackName, backendPathPart, parameterPath, sandboxIdentifier, type BackendIdentifier } from './project/backendIdentifier.js';
