/**
 * `--format modelgen`: what `@aws-amplify/graphql-generator`'s `generateModels` does — the modelgen plugin's
 * preset splits the work into one file per model and each file runs through `@graphql-codegen/core`'s
 * `codegen` and the plugin — with the per-run work done once per target instead of once per file:
 *
 * - `codegen` merges the model schema with the plugin's `addToSchema` scalars and directives for every file
 *   (about half of a 50-model Java run); here that merge is made once, with the same `mergeSchemas` call.
 * - the plugin (`pluginSync`) then prints that schema with its directives and parses the print again, for
 *   every file, before it walks it with the target's visitor; here the print is parsed once, frozen, and
 *   walked by a fresh visitor per file (the plugin's own visitor classes, constructed as `pluginSync` does).
 *   A visitor that tried to change the shared document would throw on the frozen nodes: that file is then
 *   generated through `codegen` and the plugin exactly as `generateModels` does (also the path any
 *   generator error takes, so errors are the generator's own).
 * - the walk itself (graphql's `visit` over the whole schema, with the visitor's handlers building its model,
 *   enum, operation and other maps) does not depend on which file is generated: the handlers read the schema
 *   and the config, never `selectedType`/`generate`, and `generate()` then changes the maps it reads
 *   (connections, keys, sorted fields). So the schema is walked once per visitor class and config (those two
 *   keys aside), and each file's fresh visitor gets its own copy of the walk's maps (`copyWalk`: every object
 *   the walk made is copied, references between them kept; the frozen document's nodes and the schema's type
 *   objects are shared, as the walk shares them; prototype-less objects stay prototype-less).
 * - every visitor's `generate` begins with `processDirectives` (keys, indexes, connections, many-to-many join
 *   models, auth rules over the walk's maps), with arguments fixed per visitor class, reading the config but
 *   never the selected type: it is run once per walk, on the walk's own maps (`processedWalk`), and each
 *   file's visitor gets the processed maps with its `processDirectives` a no-op. (Its warnings are printed once
 *   per message and process by the plugin's `printWarning` either way.) What `generate` does after it only reads the maps for
 *   every target Sandlot's tests and bench generate, so the files share one frozen copy (`frozenWalk`); a
 *   visitor that writes to it throws (strict-mode modules), and that file and the target's next ones then get
 *   their own copies (`copyWalk`) as before.
 * - each file's visitor is constructed by `new Visitor(schema, config, { selectedType, generate })`, and the
 *   constructor's work does not depend on those two (it parses the plugin's directive definitions again, builds
 *   the scalars from the schema, binds every method of the class chain): the first visitor of a class and config is
 *   constructed, and the next ones are copies of what its constructor made (`instantiate`: own properties in the
 *   same order, plain state copied, methods bound to the copy as `autoBind` binds them, that file's
 *   `selectedType`/`generate` in its config). A constructor that makes anything else (an arrow function, an
 *   object of a class other than the schema) is run for every file.
 * - with a `CodegenRun`, the targets generated in it share the parsed model schema, and the merged schema (and
 *   so its printed document) when the merge's inputs are the same: the model schema, the plugin's additions and
 *   the merge options.
 *
 * The preset, `codegen`, the plugin and its visitors are the generator's own copies, so every file is
 * produced by the same code as before (`generatorParity.test.ts` compares with `generateModels` run untouched).
 */
import path from 'node:path';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { CodegenRun } from '../codegenRun.js';
import type { ResolvedGenerateOptions } from '../options.js';
import { InvalidSchemaError } from '../errors.js';
import { generatorModule } from './generatorModules.js';

type ModelgenOptions = Extract<ResolvedGenerateOptions, { format: 'modelgen' }>;
type PluginConfig = Record<string, unknown> & { scalars?: unknown; directives?: string };
type GenerateSection = { filename: string; schema: DocumentNode; config: PluginConfig } & Record<string, unknown>;
type ModelgenPlugin = {
  preset: { buildGeneratesSection: (options: object) => Promise<GenerateSection[]> };
  addToSchema: (config: PluginConfig) => string;
  plugin: (...args: unknown[]) => unknown;
};

// The generator's own dependencies (same copies and versions `generateModels` runs).
const plugin = generatorModule<ModelgenPlugin>('graphql-generator', '@aws-amplify/appsync-modelgen-plugin');
const { printSchemaWithDirectives } = generatorModule<{ printSchemaWithDirectives: (schema: GraphQLSchema) => string }>('modelgen-plugin', '@graphql-tools/utils');
const pluginGraphql = generatorModule<typeof import('graphql')>('modelgen-plugin', 'graphql');
const { codegen } = generatorModule<{ codegen: (options: object) => Promise<string> }>('graphql-generator', '@graphql-codegen/core');
const { mergeSchemas } = generatorModule<{ mergeSchemas: (config: object) => GraphQLSchema }>('codegen-core', '@graphql-tools/schema');
const { DefaultDirectives } = generatorModule<{ DefaultDirectives: { definition: string }[] }>('graphql-generator', '@aws-amplify/graphql-directives');
const { parse } = generatorModule<typeof import('graphql')>('graphql-generator', 'graphql');
const { version: codegenVersion } = generatorModule<{ version: string }>('graphql-generator', '../package.json');
const directiveDefinitions = DefaultDirectives.map((directive) => directive.definition).join('\n');

/** `mapBuilderOptions` of `@aws-amplify/graphql-generator` (`models.ts`) with its defaults. */
const builderOptions = (schema: DocumentNode, options: ModelgenOptions) => {
  const target = options.modelTarget;
  const overrideOutputDir = '';
  return {
    schema,
    baseOutputDir: '',
    config: {
      target,
      directives: directiveDefinitions,
      isDataStoreEnabled: undefined,
      isTimestampFieldsAdded: options.addTimestampFields ?? true,
      emitAuthProvider: options.emitAuthProvider ?? true,
      generateIndexRules: options.generateIndexRules ?? true,
      handleListNullabilityTransparently: options.handleListNullabilityTransparently ?? true,
      usePipelinedTransformer: true,
      transformerVersion: 2,
      respectPrimaryKeyAttributesOnConnectionField: options.respectPrimaryKeyAttributesOnConnectionField ?? true,
      improvePluralization: false,
      generateModelsForLazyLoadAndCustomSelectionSet: options.generateModelsForLazyLoadAndCustomSelectionSet ?? true,
      codegenVersion,
      overrideOutputDir,
    },
    presetConfig: { overrideOutputDir, target },
    plugins: [{ appSyncLocalCodeGen: {} }],
    documents: [],
  };
};

// `codegen` merges only when the plugin adds to the schema or no schemaAst is given; the merge is done here.
const pluginWithSchemaAdded = { ...plugin, addToSchema: undefined };

type Visitor = { generate: () => string };
type VisitorClass = new (schema: GraphQLSchema, config: PluginConfig, additional: object) => Visitor;
const visitorModule = (file: string, name: string) => generatorModule<Record<string, VisitorClass>>('modelgen-plugin', `./visitors/${file}`)[name]!;
/** `pluginSync`'s visitor per section target (`config.target`), and whether it gets the selected type. */
const VISITORS: Record<string, { visitor: () => VisitorClass; selects: boolean } | undefined> = {
  swift: { visitor: () => visitorModule('appsync-swift-visitor.js', 'AppSyncSwiftVisitor'), selects: true },
  java: { visitor: () => visitorModule('appsync-java-visitor.js', 'AppSyncModelJavaVisitor'), selects: true },
  metadata: { visitor: () => visitorModule('appsync-json-metadata-visitor.js', 'AppSyncJSONVisitor'), selects: false },
  typescript: { visitor: () => visitorModule('appsync-typescript-visitor.js', 'AppSyncModelTypeScriptVisitor'), selects: false },
  javascript: { visitor: () => visitorModule('appsync-javascript-visitor.js', 'AppSyncModelJavascriptVisitor'), selects: false },
  dart: { visitor: () => visitorModule('appsync-dart-visitor.js', 'AppSyncModelDartVisitor'), selects: true },
  introspection: { visitor: () => visitorModule('appsync-model-introspection-visitor.js', 'AppSyncModelIntrospectionVisitor'), selects: false },
};

/** Freeze the document's nodes (not their `loc`: its token chain is as long as the schema). */
const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const [key, child] of Object.entries(value)) if (key !== 'loc') deepFreeze(child);
  }
  return value;
};

/** The maps the base visitor's walk handlers fill (`AppSyncModelVisitor`: ObjectTypeDefinition, EnumTypeDefinition, …). */
const WALK_MAPS = ['modelMap', 'nonModelMap', 'enumMap', 'queryMap', 'mutationMap', 'subscriptionMap', 'inputObjectMap', 'unionMap', 'interfaceMap'] as const;
export type Walk = Record<(typeof WALK_MAPS)[number], unknown>;

/** A deep copy of what a walk made: plain objects and arrays copied (shared references stay shared), frozen document nodes and class instances kept. */
export const copyWalk = (walk: Walk): Walk => copyMaps(walk, false);

/** `copyWalk`, with every object it makes frozen once filled when `freeze` is set. */
const copyMaps = (walk: Walk, freeze: boolean): Walk => {
  const copies = new Map<object, unknown>();
  const copy = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
    const done = copies.get(value);
    if (done !== undefined) return done;
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      copies.set(value, out);
      for (const item of value) out.push(copy(item));
      return freeze ? Object.freeze(out) : out;
    }
    const prototype = Object.getPrototypeOf(value) as object | null;
    // Plain objects, and the prototype-less ones graphql-js makes (directive arguments); instances of classes (the
    // schema's types, which every file's visitor shares as it shares the schema) are kept.
    if (prototype !== Object.prototype && prototype !== null) return value;
    const out = Object.create(prototype) as Record<string, unknown>;
    copies.set(value, out);
    for (const [key, item] of Object.entries(value)) out[key] = copy(item);
    return freeze ? Object.freeze(out) : out;
  };
  return Object.fromEntries(WALK_MAPS.map((name) => [name, copy(walk[name])])) as Walk;
};

/** A frozen copy of each processed walk (see `frozenWalk`), and the processed walks whose visitors write to theirs. */
const frozenWalks = new WeakMap<Walk, Walk>();
const writingTargets = new WeakSet<Walk>();

/**
 * A copy of `walk` (`copyWalk`) with every object the copy made frozen (the objects it shares — frozen document
 * nodes, class instances — as they are). A visitor's write to it throws (the plugin's modules are strict mode).
 */
export const frozenWalk = (walk: Walk): Walk => {
  let frozen = frozenWalks.get(walk);
  if (frozen) return frozen;
  frozen = copyMaps(walk, true);
  frozenWalks.set(walk, frozen);
  return frozen;
};

/** Walks per document: visitor class and config (less `selectedType`/`generate`) -> the maps of one walk. */
const walks = new WeakMap<DocumentNode, Map<string, Walk>>();

/** A walk's maps after `processDirectives` (null: the visitor's `generate` did not begin with it). */
const processedWalks = new WeakMap<Walk, Walk | null>();
const PROCESSED = Symbol('processDirectives done');

type Processing = Visitor & Partial<Walk> & { processDirectives?: (...args: unknown[]) => unknown };

/**
 * The maps of `walk` after the visitor's `processDirectives`, run once with the arguments its own `generate`
 * passes: a visitor over the walk's own maps (no file reads the unprocessed walk: they are processed in place)
 * runs `generate` until it calls `processDirectives`, which runs and then stops it. Null when `generate` returns
 * or fails without calling it, or `processDirectives` fails: the walk is then spent, and the files of its target
 * are generated through `codegen` (with the generator's own error, if any).
 */
const processedWalk = (walk: Walk, create: () => Processing): Walk | null => {
  let processed = processedWalks.get(walk);
  if (processed !== undefined) return processed;
  // Spent from here on, unless processed below.
  processedWalks.set(walk, null);
  const processor = Object.assign(create(), walk);
  const processDirectives = processor.processDirectives;
  processed = null;
  if (typeof processDirectives === 'function') {
    let done = false;
    processor.processDirectives = (...args: unknown[]) => {
      processDirectives.apply(processor, args);
      done = true;
      throw PROCESSED;
    };
    try {
      processor.generate();
    } catch (error) {
      if (error !== PROCESSED) throw error;
    }
    if (done) processed = Object.fromEntries(WALK_MAPS.map((name) => [name, processor[name]])) as Walk;
  }
  processedWalks.set(walk, processed);
  return processed;
};

/** The keys `BaseVisitor`'s `autoBind(this)` binds: every method on the prototype chain (below `Object.prototype`) but `constructor`. */
const autoBoundKeys = new WeakMap<object, ReadonlySet<PropertyKey>>();
const boundKeys = (prototype: object): ReadonlySet<PropertyKey> => {
  let keys = autoBoundKeys.get(prototype);
  if (!keys) {
    const found = new Set<PropertyKey>();
    const seen = new Set<PropertyKey>(['constructor']);
    for (let object: object | null = prototype; object !== null && object !== Object.prototype; object = Object.getPrototypeOf(object) as object | null) {
      for (const key of Reflect.ownKeys(object)) {
        if (seen.has(key)) continue;
        seen.add(key);
        // Where `this[key]` finds a method (a key that is an accessor where first found is left out: such a visitor is constructed per file).
        if (typeof Reflect.getOwnPropertyDescriptor(object, key)?.value === 'function') found.add(key);
      }
    }
    autoBoundKeys.set(prototype, (keys = found));
  }
  return keys;
};

const UNCLONEABLE = Symbol('not a plain value');
/** In a template's state: a method `autoBind` bound (bound again to each copy). */
const BOUND = Symbol('bound method');
/**
 * A copy of a visitor's constructed state: plain objects (and prototype-less ones), arrays, sets and maps copied
 * (references between them kept), primitives, functions inside them and `shared` kept; anything else throws UNCLONEABLE.
 */
const cloneState = (value: unknown, shared: unknown, copies: Map<object, unknown>): unknown => {
  if (typeof value !== 'object' || value === null || value === shared) return value;
  const done = copies.get(value);
  if (done !== undefined) return done;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    copies.set(value, out);
    for (const item of value) out.push(cloneState(item, shared, copies));
    return out;
  }
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (prototype === Set.prototype) {
    const out = new Set<unknown>();
    copies.set(value, out);
    for (const item of value as Set<unknown>) out.add(cloneState(item, shared, copies));
    return out;
  }
  if (prototype === Map.prototype) {
    const out = new Map<unknown, unknown>();
    copies.set(value, out);
    for (const [key, item] of value as Map<unknown, unknown>) out.set(cloneState(key, shared, copies), cloneState(item, shared, copies));
    return out;
  }
  if (prototype !== Object.prototype && prototype !== null) throw UNCLONEABLE;
  const out = Object.create(prototype) as Record<string, unknown>;
  copies.set(value, out);
  for (const [key, item] of Object.entries(value)) out[key] = cloneState(item, shared, copies);
  return out;
};

/** What a visitor's constructor made (before any walk or `generate`), for copies; its methods bound per copy. */
type Template = { prototype: object; schema: GraphQLSchema; state: [PropertyKey, unknown][] };

/**
 * The template of a just-constructed visitor, or null when its own properties are not all methods `autoBind`
 * bound and plain state (an arrow-function property, a class instance other than the schema: constructed per file).
 */
const templateOf = (visitor: object, schema: GraphQLSchema): Template | null => {
  const prototype = Object.getPrototypeOf(visitor) as object;
  const bound = boundKeys(prototype);
  const state: [PropertyKey, unknown][] = [];
  const copies = new Map<object, unknown>();
  try {
    for (const key of Reflect.ownKeys(visitor)) {
      const value = (visitor as Record<PropertyKey, unknown>)[key];
      if (typeof value === 'function') {
        if (!bound.has(key) || !value.name.startsWith('bound ')) return null;
        state.push([key, BOUND]);
      } else state.push([key, cloneState(value, schema, copies)]);
    }
  } catch (error) {
    if (error === UNCLONEABLE) return null;
    throw error;
  }
  if (!state.some(([key]) => key === '_parsedConfig')) return null;
  return { prototype, schema, state };
};

/** A visitor as its constructor would make it from the template's arguments with `additional` instead (own properties in the same order). */
const fromTemplate = (template: Template, additional: Record<string, unknown>): Processing => {
  const visitor = Object.create(template.prototype) as Record<PropertyKey, unknown>;
  const copies = new Map<object, unknown>();
  for (const [key, value] of template.state) {
    // As `autoBind` does: the method `this[key]` finds now (the copy has no own property of that name yet), bound.
    visitor[key] = value === BOUND ? (visitor[key] as (...args: unknown[]) => unknown).bind(visitor) : cloneState(value, template.schema, copies);
  }
  // `AppSyncModelVisitor` passes the additional config (selectedType, generate) into `_parsedConfig` as is.
  Object.assign(visitor._parsedConfig as object, additional);
  return visitor as Processing;
};

/** Templates per schema: visitor class and config (less `selectedType`/`generate`) -> template (null: construct each time). */
const templates = new WeakMap<GraphQLSchema, Map<string, Template | null>>();

/**
 * `new Visitor(schema, config, additional)`, as `pluginSync` constructs it. The constructor's work (the plugin's
 * directive definitions parsed again, scalars built from the schema, `autoBind` over the prototype chain) depends
 * on the schema and the config but not on the selected type, so it runs once per `key` (the visitor class and the
 * config less `selectedType`/`generate`); the next files' visitors are copies of what it made (`fromTemplate`)
 * with their own `selectedType`/`generate`.
 */
export const instantiate = (Visitor: VisitorClass, schema: GraphQLSchema, config: PluginConfig, additional: Record<string, unknown>, key: string): Processing => {
  let bySchema = templates.get(schema);
  if (!bySchema) templates.set(schema, (bySchema = new Map()));
  const template = bySchema.get(key);
  if (template) return fromTemplate(template, additional);
  const visitor = new Visitor(schema, config, additional) as Processing;
  if (template === undefined) bySchema.set(key, templateOf(visitor, schema));
  return visitor;
};

/** `pluginSync` for one file over an already printed and parsed schema; undefined when it cannot be used. */
const visitShared = (schema: GraphQLSchema, document: DocumentNode, section: GenerateSection): string | undefined => {
  // executePlugin hands the plugin a copy of the section's config.
  const config = { ...section.config };
  const entry = typeof config.target === 'string' ? VISITORS[config.target] : undefined;
  if (!entry) return undefined;
  const { visitor: visitorClass, selects } = entry;
  try {
    const { selectedType: _selected, generate: _generate, ...walkConfig } = config;
    const key = `${config.target} ${JSON.stringify(walkConfig)}`;
    const additional = selects ? { selectedType: config.selectedType, generate: config.generate } : {};
    const create = () => instantiate(visitorClass(), schema, config, additional, key);
    let byConfig = walks.get(document);
    if (!byConfig) walks.set(document, (byConfig = new Map()));
    let walk = byConfig.get(key);
    if (!walk) {
      const walker = create();
      pluginGraphql.visit(document, { leave: walker as never });
      if (WALK_MAPS.some((name) => typeof walker[name] !== 'object' || walker[name] === null)) throw new Error('visitor without the walk maps');
      walk = Object.fromEntries(WALK_MAPS.map((name) => [name, walker[name]])) as Walk;
      byConfig.set(key, walk);
    }
    const processed = processedWalk(walk, create);
    if (!processed) return undefined;
    if (!writingTargets.has(processed)) {
      // The processed maps frozen, shared by every file: a generate() that only reads them needs no copy.
      try {
        const visitor = Object.assign(create(), frozenWalk(processed));
        visitor.processDirectives = () => undefined;
        return visitor.generate() || '';
      } catch {
        // It writes to them (or fails): this file and the next ones generate from their own copies.
        writingTargets.add(processed);
      }
    }
    const visitor = Object.assign(create(), copyWalk(processed));
    // Its maps are processed already: `generate`'s own call does nothing.
    visitor.processDirectives = () => undefined;
    // codegen joins the plugin's (string) output with no prepend/append: the output itself, or ''.
    return visitor.generate() || '';
  } catch {
    return undefined;
  }
};

/** Section config keys the modelgen plugin reads that are no option of `mergeSchemas` (`mergeTypeDefs`, `buildASTSchema`): they differ between targets and sections without changing the merge. */
const PLUGIN_ONLY_KEYS = new Set(['target', 'scalars', 'directives', 'selectedType', 'generate', 'metadata', 'metadataTarget', 'isDeclaration']);

/** The printed and parsed (frozen) document of each merged schema. */
const documents = new WeakMap<GraphQLSchema, DocumentNode>();
const documentFor = (schema: GraphQLSchema) => {
  let document = documents.get(schema);
  if (!document) {
    document = deepFreeze(pluginGraphql.parse(printSchemaWithDirectives(schema)));
    documents.set(schema, document);
  }
  return document;
};

/**
 * The files `generateModels` makes for one model target. With `run`, the targets generated in it share the parsed
 * model schema, and the merged schema (and its printed document, walks and visitor templates, which are keyed on
 * it) when the model schema, the plugin's additions (scalar names, directive definitions) and the merge's options
 * are the same: java, dart, javascript and typescript add the same scalars in the same order (swift in another).
 */
export const generateModelgenFiles = async (modelSchema: string, options: ModelgenOptions, run?: CodegenRun): Promise<Record<string, string>> => {
  try {
    // The parsed model schema (`mapBuilderOptions` parses it): the preset and the merge only read it.
    const modelDocument = run ? run.once(`modelgen model schema ${run.keyOf(modelSchema)}`, () => parse(modelSchema)) : parse(modelSchema);
    const sections = await plugin.preset.buildGeneratesSection({ ...builderOptions(modelDocument, options), pluginMap: { appSyncLocalCodeGen: plugin } });
    // `codegen`'s merge depends on the section's schema (the parsed model schema) and the plugin's additions (scalars, directives).
    const schemas = new Map<string, GraphQLSchema>();
    const schemaFor = (section: GenerateSection) => {
      const additions = plugin.addToSchema(section.config);
      let schema = schemas.get(additions);
      if (!schema) {
        const merge = () => mergeSchemas({ schemas: [], typeDefs: [section.schema, ...(additions ? [additions] : [])], convertExtensions: true, assumeValid: true, assumeValidSDL: true, ...section.config });
        if (run) {
          const mergeOptions = Object.entries(section.config).filter(([key]) => !PLUGIN_ONLY_KEYS.has(key));
          schema = run.once(`modelgen merged schema ${run.keyOf(modelSchema)} ${run.keyOf(`${additions}\n${JSON.stringify(mergeOptions)}`)}`, merge);
        } else schema = merge();
        schemas.set(additions, schema);
      }
      return schema;
    };
    const files: Record<string, string> = {};
    for (const section of sections) {
      const schemaAst = schemaFor(section);
      const content =
        visitShared(schemaAst, documentFor(schemaAst), section) ??
        (await codegen({ ...section, schema: undefined, schemaAst, pluginMap: { appSyncLocalCodeGen: pluginWithSchemaAdded } }));
      files[section.filename.split(path.win32.sep).join(path.posix.sep)] = content;
    }
    return files;
  } catch (error) {
    throw new InvalidSchemaError(error instanceof Error ? error.message : String(error), { cause: error });
  }
};
