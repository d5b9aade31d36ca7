/** `--format modelgen`: `@aws-amplify/graphql-generator` `generateModels` over the model schema. */
import { generateModels } from '@aws-amplify/graphql-generator';
import type { ResolvedGenerateOptions } from '../options.js';
import { InvalidSchemaError } from '../errors.js';

export const generateModelgenFiles = async (
  modelSchema: string,
  options: Extract<ResolvedGenerateOptions, { format: 'modelgen' }>,
): Promise<Record<string, string>> => {
  try {
    return await generateModels({
      schema: modelSchema,
      target: options.modelTarget,
      generateIndexRules: options.generateIndexRules,
      emitAuthProvider: options.emitAuthProvider,
      respectPrimaryKeyAttributesOnConnectionField: options.respectPrimaryKeyAttributesOnConnectionField,
      generateModelsForLazyLoadAndCustomSelectionSet: options.generateModelsForLazyLoadAndCustomSelectionSet,
      addTimestampFields: options.addTimestampFields,
      handleListNullabilityTransparently: options.handleListNullabilityTransparently,
    });
  } catch (error) {
    throw new InvalidSchemaError(error instanceof Error ? error.message : String(error), { cause: error });
  }
};
