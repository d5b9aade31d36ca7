/**
 * Sandlot's tooling API over a project's backend definition (what `ampx sandbox` and `ampx generate`
 * call): load it into a serialisable model, type-check it, resolve its secrets, render its outputs.
 * User projects import `@aws-amplify/backend` (`./index.ts`) instead.
 */
export { loadBackend, type LoadBackendOptions } from './loader/loadBackend.js';
export { backendEntryPoint } from './loader/entryPoint.js';
export { installModuleRedirects, defaultBackendModuleUrl, type ModuleRedirectOptions } from './loader/moduleRedirects.js';
export { typeCheckBackend, type TypeCheckResult, type TypeCheckDiagnostic } from './loader/typeCheckBackend.js';
export { typeCheckInChild, type RunningTypeCheck } from './loader/typeCheckInChild.js';
export { buildBackendModel } from './model/buildModel.js';
export { storagePaths, ENTITY_ID_SUBSTITUTION } from './model/storageModel.js';
export type { LoadedBackend, AuthModel, DataModel, StorageModel, StorageOutputAction, AppSyncAuthorizationType, CognitoStandardAttribute } from './model/types.js';
export { collectSecretRefs, resolveSecrets, type SecretResolver } from './secret.js';
export { BackendDefinitionError, SecretNotSetError } from './errors.js';
export { renderOutputs, renderStackOutputs, renderEmptyOutputs, outputsFileName, UnsupportedOutputsFormatError, type RenderOutputsOptions, type RenderedOutputs } from './outputs/renderOutputs.js';
export { writeOutputs } from './outputs/writeOutputs.js';
export { stackOutputsFor } from './outputs/stackOutputs.js';
export { clientConfigFor } from './outputs/clientConfig.js';
export { OUTPUTS_VERSIONS, OUTPUTS_FORMATS, DEFAULT_OUTPUTS_VERSION, type OutputsVersion, type OutputsFormat, type DeployedResources, type BackendOutput, type ClientConfig } from './outputs/types.js';
