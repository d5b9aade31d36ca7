/**
 * The docs generator (`generateGraphQLDocuments`, once per statement option set) and the types generator
 * (`generateTypes`, once per type target) each build a `GraphQLSchema` from the same AppSync SDL on every call:
 * parse, SDL validation and build, about half a second each for a 50-model schema. Within one `CodegenRun`
 * the schema each loader builds from a given text is built once and handed to its later calls: the loaders'
 * own functions (`buildSchema` of the docs generator, `parseSchema` of the types generator), each keyed on its
 * input. Outside a run (`withSchemaOnce`), and for anything but SDL text, the loaders run as they are. The
 * generators only read the schema; every target's output is held byte-identical to the generators run untouched
 * (`generatorParity.test.ts`) and to one run per call (`servedAppsyncSchema.test.ts` shares a run across all
 * targets).
 *
 * The two loaders build equivalent schemas: the types generator parses its copy of the AppSync directives
 * file (`awsAppSyncDirectives.graphql`) and the SDL as two sources and builds from both (`buildASTSchema`, which
 * validates the SDL); the docs generator parses the SDL followed by the same definitions (its `AWS_APPSYNC_SDL`)
 * as one text and builds the same way. So within a run, when both generators load one graphql module (else each
 * builds its own), the docs generator gets the types generator's schema: built, and validated, once. It is the
 * schema the docs generator would build: when the SDL parses alone, the joined text parses to the SDL's
 * definitions followed by the directives' (the SDL's last definition is complete, and none continues with the
 * `scalar` that starts the directives), SDL validation does not depend on the order of definitions, and the
 * schemas built from the two orders differ only in the order of their type map (the AppSync scalars first or
 * last) and directive list, and in their AST nodes' locations. The docs generator reads none of those: it walks
 * the root types' fields, their types and `getPossibleTypes` (objects in the same relative order). When the
 * types generator cannot build it, the docs generator builds its own (its own result or error).
 * `schemaOnce.test.ts` checks that both directive texts define the same.
 *
 * The types generator also parses and validates the same query documents (the `graphql` statements) against the
 * same schema for every type target: within a run, `parseAndMergeQueryDocuments` returns one document per list
 * of sources (names and texts), and `validateQueryDocument` — a check that returns nothing or throws — runs once
 * per schema and document that passed it (a failing pair is validated again, with the generator's own error).
 * The generators only read the document (graphql-js ASTs are immutable by convention; the compiler builds its
 * own IR from them).
 *
 * The typescript, flow, angular (and json, scala) type targets then compile that schema and document to the same
 * legacy IR (`compileToLegacyIR`, with the same options: `generateTypes` passes `addTypename`,
 * `complexObjectSupport` and `amplifyJsLibraryVersion`): within a run it is compiled once per schema, document and
 * options (by value, plain values only) and handed to each of them. Their code generators (`typescript/`, `flow/`,
 * `angular/`, `scala/`, `serializeToJSON` of the types generator) only read the IR: they print from it into their
 * own `CodeGenerator` and build their own arrays (checked by reading them for assignments and in-place array
 * methods on it; swift and flow-modern compile their own IR, and swift writes to its options, so they are not
 * shared). `generatorParity.test.ts` holds every type target, generated in one shared run, byte-identical to the
 * generators run alone.
 */
import type { CodegenRun } from '../codegenRun.js';
import { generatorModule } from './generatorModules.js';

type Loader = (schema: unknown, ...rest: unknown[]) => unknown;

let active: CodegenRun | undefined;

/** Run `generate` (synchronous up to its first await) with the loaders sharing schemas within `run`. */
export const withSchemaOnce = <T>(run: CodegenRun, generate: () => T): T => {
  install();
  const previous = active;
  active = run;
  try {
    return generate();
  } finally {
    active = previous;
  }
};

let installed = false;

/**
 * `instead`: a schema to hand the loader's callers in place of the one it would build (undefined: it builds its own).
 */
const wrap = (module: Record<string, unknown>, name: string, label: string, isSdl: (rest: unknown[]) => boolean, instead?: (schema: string) => { schema: unknown } | undefined) => {
  const loader = module[name] as Loader & { sandlotSchemaOnce?: boolean };
  if (typeof loader !== 'function' || loader.sandlotSchemaOnce) return;
  const once: Loader = (schema, ...rest) => {
    const run = active;
    if (!run || typeof schema !== 'string' || !isSdl(rest)) return loader(schema, ...rest);
    return run.once(`${label} ${run.keyOf(schema)}`, () => {
      const shared = instead?.(schema);
      return shared ? shared.schema : loader(schema, ...rest);
    });
  };
  module[name] = Object.assign(once, { sandlotSchemaOnce: true });
};

/** Schemas and the documents validated against them (the identity of both). */
const validated = new WeakMap<object, WeakSet<object>>();

const wrapDocuments = (module: Record<string, unknown>) => {
  const parseDocuments = module.parseAndMergeQueryDocuments as Loader & { sandlotSchemaOnce?: boolean };
  if (typeof parseDocuments !== 'function' || parseDocuments.sandlotSchemaOnce) return;
  const once: Loader = (sources, ...rest) => {
    const run = active;
    const list = Array.isArray(sources) ? (sources as unknown[]) : undefined;
    const texts = list?.map((source) => (typeof source === 'object' && source !== null ? [(source as { name?: unknown }).name, (source as { body?: unknown }).body] : undefined));
    if (!run || !texts || rest.length > 0 || texts.some((text) => text === undefined || typeof text[0] !== 'string' || typeof text[1] !== 'string')) return parseDocuments(sources, ...rest);
    return run.once(`types generator documents ${run.keyOf(JSON.stringify(texts))}`, () => parseDocuments(sources));
  };
  module.parseAndMergeQueryDocuments = Object.assign(once, { sandlotSchemaOnce: true });
};

const wrapValidation = (module: Record<string, unknown>) => {
  const validate = module.validateQueryDocument as ((schema: unknown, document: unknown, ...rest: unknown[]) => unknown) & { sandlotSchemaOnce?: boolean };
  if (typeof validate !== 'function' || validate.sandlotSchemaOnce) return;
  const once = (schema: unknown, document: unknown, ...rest: unknown[]) => {
    if (!active || typeof schema !== 'object' || schema === null || typeof document !== 'object' || document === null || rest.length > 0) return validate(schema, document, ...rest);
    if (validated.get(schema)?.has(document)) return undefined;
    const result = validate(schema, document);
    let documents = validated.get(schema);
    if (!documents) validated.set(schema, (documents = new WeakSet()));
    documents.add(document);
    return result;
  };
  module.validateQueryDocument = Object.assign(once, { sandlotSchemaOnce: true });
};

/** Legacy IRs compiled in a run: schema → document → options (JSON) → IR, for the run that compiled them. */
const compiled = new WeakMap<CodegenRun, WeakMap<object, WeakMap<object, Map<string, unknown>>>>();

/** Options of plain JSON values only (what `generateTypes` passes): their JSON is their value. */
const jsonKeyOf = (options: unknown): string | undefined => {
  if (typeof options !== 'object' || options === null || Object.getPrototypeOf(options) !== Object.prototype) return undefined;
  const values = Object.values(options);
  if (!values.every((value) => value === undefined || value === null || ['string', 'number', 'boolean'].includes(typeof value))) return undefined;
  return JSON.stringify(Object.entries(options).filter(([, value]) => value !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
};

const wrapLegacyIR = (module: Record<string, unknown>) => {
  const compile = module.compileToLegacyIR as ((schema: unknown, document: unknown, ...rest: unknown[]) => unknown) & { sandlotSchemaOnce?: boolean };
  if (typeof compile !== 'function' || compile.sandlotSchemaOnce) return;
  const once = (schema: unknown, document: unknown, ...rest: unknown[]) => {
    const run = active;
    const key = rest.length === 1 ? jsonKeyOf(rest[0]) : undefined;
    if (!run || typeof schema !== 'object' || schema === null || typeof document !== 'object' || document === null || key === undefined) return compile(schema, document, ...rest);
    let bySchema = compiled.get(run);
    if (!bySchema) compiled.set(run, (bySchema = new WeakMap()));
    let byDocument = bySchema.get(schema);
    if (!byDocument) bySchema.set(schema, (byDocument = new WeakMap()));
    let byOptions = byDocument.get(document);
    if (!byOptions) byDocument.set(document, (byOptions = new Map()));
    if (byOptions.has(key)) return byOptions.get(key);
    const context = compile(schema, document, ...rest);
    byOptions.set(key, context);
    return context;
  };
  module.compileToLegacyIR = Object.assign(once, { sandlotSchemaOnce: true });
};

/** Whether the docs generator's `buildSchema` reads `schema` as SDL (`getSchemaType`: SDL when it is not JSON). */
const docsReadsSdl = (schema: string): boolean => {
  try {
    JSON.parse(schema);
    return false;
  } catch {
    return true;
  }
};

const install = () => {
  if (installed) return;
  installed = true;
  const typesLoading = generatorModule<Record<string, unknown>>('types-generator', './loading');
  // generateFromString calls `(0, loading_1.parseSchema)(schema, introspection)`: SDL when introspection is false.
  wrap(typesLoading, 'parseSchema', 'types generator schema', (rest) => !rest[0]);
  // generateGraphQLDocuments calls `(0, loading_1.buildSchema)(schema)`: the module's export, read at each call.
  // Within a run it gets the types generator's schema of the same SDL (see above), when both generators use one
  // graphql module (their schemas are then of the same classes) and that schema builds; else its own.
  const sameGraphql = generatorModule('docs-generator', 'graphql') === generatorModule('types-generator', 'graphql');
  const typesSchema = (schema: string) => {
    if (!sameGraphql || !docsReadsSdl(schema)) return undefined;
    try {
      return { schema: (typesLoading.parseSchema as Loader)(schema, false) };
    } catch {
      return undefined; // the docs generator builds its own, and meets its own error
    }
  };
  wrap(generatorModule<Record<string, unknown>>('docs-generator', './generator/utils/loading'), 'buildSchema', 'docs generator schema', (rest) => rest.length === 0, typesSchema);
  // generateFromString calls `(0, loading_1.parseAndMergeQueryDocuments)(sources)` and `(0, validation_1.validateQueryDocument)(schema, document)`.
  wrapDocuments(generatorModule<Record<string, unknown>>('types-generator', './loading'));
  wrapValidation(generatorModule<Record<string, unknown>>('types-generator', './validation'));
  // generateForTarget calls `(0, legacyIR_1.compileToLegacyIR)(schema, document, options)` for typescript, flow, angular.
  wrapLegacyIR(generatorModule<Record<string, unknown>>('types-generator', './compiler/legacyIR'));
};
