/**
 * What `@aws-amplify/backend` resolves to when Sandlot loads a project: the define* functions validate
 * and record the definitions (no CDK), and `a` / `ClientSchema` come from the real `@aws-amplify/data-schema`.
 * Tooling (loader, outputs) lives in `./sandbox.ts` (`@sandlot/backend/sandbox`).
 */
export { a } from '@aws-amplify/data-schema';
export type { ClientSchema } from '@aws-amplify/data-schema';
export { defineAuth, STANDARD_ATTRIBUTES, TRIGGER_EVENTS, type AuthProps, type AuthDefinition, type StandardAttributeName, type MfaSettings, type ExternalProviders } from './defineAuth.js';
export { defineData, type DataProps, type DataDefinition, type DataAuthorizationModes, type DataSchemaInput, type DefaultAuthorizationMode } from './defineData.js';
export { defineStorage, type StorageProps, type StorageDefinition, type StorageDefinitionProps, type StorageAccessGrant, type StorageAction, type StorageAllow } from './defineStorage.js';
export { defineBackend, type Backend, type BackendResource } from './defineBackend.js';
export { secret, isSecret, collectSecretRefs, type BackendSecret } from './secret.js';
export { registry, resetRegistry, type BackendRecord, type ResourceDefinition } from './registry.js';
export { BackendDefinitionError, SecretNotSetError } from './errors.js';
