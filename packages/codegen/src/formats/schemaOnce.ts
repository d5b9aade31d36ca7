/**
 * The docs generator (`generateGraphQLDocuments`, once per statement option set) and the types generator
 * (`generateTypes`, once per type target) each build a `GraphQLSchema` from the same AppSync SDL on every call:
 * parse, SDL validation and build, about half a second each for a 50-model schema. Within one `CodegenRun`
 * the schema each loader builds from a given text is built once and handed to its later calls: the loaders'
 * own functions (`buildSchema` of the docs generator, `parseSchema` of the types generator), each keyed on its
 * input, so every generator gets the schema it would build itself. Outside a run (`withSchemaOnce`), and for
 * anything but SDL text, the loaders run as they are. The generators only read the schema; every target's
 * output is held byte-identical to the generators run untouched (`generatorParity.test.ts`) and to one run per
 * call (`servedAppsyncSchema.test.ts` shares a run across all targets).
 */
import { createRequire } from 'node:module';
import type { CodegenRun } from '../codegenRun.js';

type Loader = (schema: unknown, ...rest: unknown[]) => unknown;

const generatorRequire = createRequire(createRequire(import.meta.url).resolve('@aws-amplify/graphql-generator'));
const docsRequire = createRequire(generatorRequire.resolve('@aws-amplify/graphql-docs-generator'));
const typesRequire = createRequire(generatorRequire.resolve('@aws-amplify/graphql-types-generator'));

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

const wrap = (module: Record<string, unknown>, name: string, label: string, isSdl: (rest: unknown[]) => boolean) => {
  const loader = module[name] as Loader & { sandlotSchemaOnce?: boolean };
  if (typeof loader !== 'function' || loader.sandlotSchemaOnce) return;
  const once: Loader = (schema, ...rest) => {
    const run = active;
    if (!run || typeof schema !== 'string' || !isSdl(rest)) return loader(schema, ...rest);
    return run.once(`${label} ${run.keyOf(schema)}`, () => loader(schema, ...rest));
  };
  module[name] = Object.assign(once, { sandlotSchemaOnce: true });
};

const install = () => {
  if (installed) return;
  installed = true;
  // generateGraphQLDocuments calls `(0, loading_1.buildSchema)(schema)`: the module's export, read at each call.
  wrap(docsRequire('./generator/utils/loading') as Record<string, unknown>, 'buildSchema', 'docs generator schema', (rest) => rest.length === 0);
  // generateFromString calls `(0, loading_1.parseSchema)(schema, introspection)`: SDL when introspection is false.
  wrap(typesRequire('./loading') as Record<string, unknown>, 'parseSchema', 'types generator schema', (rest) => !rest[0]);
};
