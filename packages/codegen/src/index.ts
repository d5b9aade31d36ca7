export { modelSchemaFromDataResource } from './modelSchema.js';
export type { DataSchemaInput, TransformableSchema } from './modelSchema.js';
export {
  generateModelIntrospection,
  generateModelIntrospectionText,
  MODEL_INTROSPECTION_FILE_NAME,
} from './modelIntrospection.js';
export type { ModelIntrospectionSchema } from './modelIntrospection.js';
export { transformModelSchema, appSyncAuthenticationTypes } from './appsyncSchema.js';
export type { TransformModelSchemaInput, TransformedApi, DataAuthorizationModes, ResolvedDataAuthorization, AppSyncAuthenticationType } from './appsyncSchema.js';
export { generateGraphqlClientCode, generateGraphqlClientCodeFiles, appsyncSchemaFor } from './generateGraphqlClientCode.js';
export { CodegenRun } from './codegenRun.js';
export { generateGraphqlClientCodeBatch } from './generateGraphqlClientCodeBatch.js';
export type { GraphqlClientCodeBatchResult, GraphqlClientCodeBatchTiming } from './generateGraphqlClientCodeBatch.js';
export type { GenerateGraphqlClientCodeOptions, GenerateGraphqlClientCodeResult, CodegenDataSource } from './generateGraphqlClientCode.js';
export {
  FORMAT_CHOICES,
  MODEL_TARGET_CHOICES,
  STATEMENT_TARGET_CHOICES,
  TYPE_TARGET_CHOICES,
  DEFAULT_TYPE_TARGET_FOR_STATEMENT_TARGET,
  resolveGenerateOptions,
} from './options.js';
export type {
  GraphqlClientCodeFlags,
  ResolvedGenerateOptions,
  GenerateApiCodeFormat,
  GenerateApiCodeModelTarget,
  GenerateApiCodeStatementTarget,
  GenerateApiCodeTypeTarget,
} from './options.js';
export {
  CodegenError,
  NoDataResourceError,
  InvalidSchemaError,
  InvalidModelIntrospectionSchemaFault,
  InvalidCommandInputError,
} from './errors.js';
