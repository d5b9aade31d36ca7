/**
 * `data.model_introspection` (format version 1): `@aws-amplify/graphql-generator`'s `generateModelsSync`
 * with target `introspection` and its defaults, over the model schema — the same call `defineData` makes at
 * synth time and the same document client-config derives from `model-schema.graphql`.
 */
import { generatorModule } from './formats/generatorModules.js';
import type { ModelIntrospectionSchema } from '@aws-amplify/appsync-modelgen-plugin';
import { InvalidModelIntrospectionSchemaFault, InvalidSchemaError } from './errors.js';

export type { ModelIntrospectionSchema };

type ModelsModule = typeof import('@aws-amplify/graphql-generator/lib/models.js');

// Loaded on first use (importing this package should not load a generator), and the models entry only: the
// package index also loads the statements and types generators (prettier, handlebars).
let models: ModelsModule | undefined;
const generateModelsSync: ModelsModule['generateModelsSync'] = (options) =>
  (models ??= generatorModule<ModelsModule>('graphql-generator', './models.js')).generateModelsSync(options);

/**
 * The generator's models module to use instead of requiring it: for a bundle that carries its own copy
 * (the sandbox's introspection worker bundles it whole, which loads it several times faster than its
 * hundreds of files from node_modules).
 */
export const useModelsModule = (module: ModelsModule): void => {
  models = module;
};

/** File name of the introspection document (generator output key and `--format introspection` file). */
export const MODEL_INTROSPECTION_FILE_NAME = 'model-introspection.json';

/** The introspection document as the generator writes it (4-space JSON), for `--format introspection`. */
export const generateModelIntrospectionText = (input: { modelSchema: string }): string => {
  if (input.modelSchema.trim() === '') throw new InvalidSchemaError();
  let files: Record<string, string>;
  try {
    files = generateModelsSync({ schema: input.modelSchema, target: 'introspection' });
  } catch (error) {
    throw new InvalidSchemaError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  const names = Object.keys(files);
  const text = files[MODEL_INTROSPECTION_FILE_NAME];
  if (names.length !== 1 || text === undefined) {
    throw new InvalidModelIntrospectionSchemaFault(`expected one ${MODEL_INTROSPECTION_FILE_NAME}, got ${JSON.stringify(names)}`);
  }
  return text;
};

/** The parsed `data.model_introspection` object for a model schema SDL. */
export const generateModelIntrospection = (input: { modelSchema: string }): ModelIntrospectionSchema => {
  const text = generateModelIntrospectionText(input);
  try {
    return JSON.parse(text) as ModelIntrospectionSchema;
  } catch (error) {
    throw new InvalidModelIntrospectionSchemaFault('generator output is not JSON', { cause: error });
  }
};
