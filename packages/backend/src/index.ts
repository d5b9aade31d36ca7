/**
 * What `@aws-amplify/backend` resolves to when Sandlot loads a project: the define* functions record
 * the definitions (no CDK), and `a` / `ClientSchema` come from the real `@aws-amplify/data-schema`.
 */
export { a } from '@aws-amplify/data-schema';
export type { ClientSchema } from '@aws-amplify/data-schema';
export { defineAuth, STANDARD_ATTRIBUTES, type AuthProps, type AuthDefinition } from './defineAuth.js';
export { defineData, type DataProps, type DataDefinition, type DataAuthorizationModes } from './defineData.js';
export { defineStorage, type StorageProps, type StorageDefinition, type StorageDefinitionProps, type StorageAccessGrant, type StorageAction } from './defineStorage.js';
export { defineBackend } from './defineBackend.js';
export { secret, isSecret, collectSecretRefs, type BackendSecret } from './secret.js';
export { registry, resetRegistry, type BackendRecord, type ResourceDefinition } from './registry.js';
export { BackendDefinitionError } from './errors.js';
