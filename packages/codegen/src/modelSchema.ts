/**
 * The model schema: the Amplify-annotated SDL (`@model`, `@auth`, relationship directives…) that the real
 * backend uploads as `model-schema.graphql` (`amplifyApiModelSchemaS3Uri`). `defineData` builds it as
 * `schema.transform().schema` for each `a.schema(...)` (or the string as given) and joins the parts of an
 * `a.combine([...])` with a newline (`AmplifyDataDefinition.combine`); modelgen and introspection read it.
 */
import { InvalidSchemaError } from './errors.js';

/** What `defineData({ schema })` accepts: an `a.schema(...)`, an `a.combine([...])`, or an SDL string. */
export type DataSchemaInput = string | TransformableSchema | { schemas: readonly (string | TransformableSchema)[] };

/** The part of `@aws-amplify/data-schema`'s model schema that codegen needs. */
export type TransformableSchema = { transform: () => { schema: string } };

const isTransformable = (value: unknown): value is TransformableSchema =>
  typeof value === 'object' && value !== null && typeof (value as { transform?: unknown }).transform === 'function';

const isCombined = (value: unknown): value is { schemas: readonly (string | TransformableSchema)[] } =>
  typeof value === 'object' && value !== null && Array.isArray((value as { schemas?: unknown }).schemas);

const partToString = (part: string | TransformableSchema): string => {
  if (typeof part === 'string') return part;
  if (isTransformable(part)) return part.transform().schema;
  throw new InvalidSchemaError('expected an a.schema(...) object or a GraphQL string');
};

/** The model schema SDL for what `defineData({ schema })` received. */
export const modelSchemaFromDataResource = (schema: DataSchemaInput): string => {
  const sdl = isCombined(schema) ? schema.schemas.map(partToString).join('\n') : partToString(schema);
  if (sdl.trim() === '') throw new InvalidSchemaError();
  return sdl;
};
