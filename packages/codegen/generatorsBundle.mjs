// Builds `codegen-generators.cjs`: the official generator packages' modules the codegen glue loads
// (`src/formats/generatorModules.json`, each resolved as `src/formats/generatorModules.ts` resolves it from
// sources), bundled into one CommonJS file placed beside the bundled codegen code, which loads it instead of
// the hundreds of files in node_modules (`generatorModules.ts`). Each module is evaluated on first use.
//
// Files the generators read from disk at run time: the types generator reads `awsAppSyncDirectives.graphql`
// from `join(__dirname, '..')`; in the bundle `__dirname` is the output directory, so that read is pointed at
// a copy of the file placed beside the bundle. Prettier 1.19's index requires its parsers (`./parser-*.js`,
// 5.5 MB, one or two used per target) by literal paths when a parser is first used: they stay separate files,
// copied unchanged into `codegen-prettier/` beside the bundle (as `.cjs`) and required from there on first use (bundled, V8
// would compile all of them at load). Prettier's plugin search starts at its `__dirname` (the output
// directory; `prettierOnce.ts` uses the same).
//
// The bundle is made ASCII-only (`asciiOnly`). `writeGeneratorsCodeCache` then writes the V8 code cache of that
// bundle and of the parsers a generation loads, beside each (`<file>.v8-cache`), by running the bundled
// `src/generatorsCodeCache.ts` (see there).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const GENERATORS_BUNDLE = 'codegen-generators.cjs';
const DIRECTIVES = 'awsAppSyncDirectives.graphql';
const PRETTIER_PARSERS = 'codegen-prettier';

/** Build the generators bundle into `outdir`; `options` are esbuild options to add (minify, sourcemap, logLevel). */
export const buildGeneratorsBundle = async (outdir, options = {}) => {
  const modules = JSON.parse(readFileSync(new URL('./src/formats/generatorModules.json', import.meta.url), 'utf8'));
  const local = createRequire(new URL('./src/formats/generatorModules.ts', import.meta.url));
  const generatorEntry = local.resolve('@aws-amplify/graphql-generator');
  const generator = createRequire(generatorEntry);
  const bases = {
    'graphql-generator': generatorEntry,
    'docs-generator': generator.resolve('@aws-amplify/graphql-docs-generator'),
    'types-generator': generator.resolve('@aws-amplify/graphql-types-generator'),
    'modelgen-plugin': generator.resolve('@aws-amplify/appsync-modelgen-plugin'),
    'codegen-core': generator.resolve('@graphql-codegen/core'),
  };
  const entries = Object.entries(modules).flatMap(([base, requests]) => {
    if (!bases[base]) throw new Error(`generatorModules.json: unknown base ${base}`);
    const from = createRequire(bases[base]);
    return requests.map((request) => `  ${JSON.stringify(`${base} ${request}`)}: () => require(${JSON.stringify(from.resolve(request))}),`);
  });
  const typesLoading = createRequire(bases['types-generator']).resolve('./loading');
  const directivesPath = path.join(path.dirname(typesLoading), '..', DIRECTIVES);
  const prettierIndex = generator.resolve('prettier');
  if (createRequire(bases['types-generator']).resolve('prettier') !== prettierIndex) throw new Error('the types generator and graphql-generator load different prettier copies');
  const parsers = new Set();
  await build({
    stdin: { contents: `module.exports = {\n${entries.join('\n')}\n  __dirname,\n};\n`, resolveDir: path.dirname(generatorEntry), sourcefile: 'codegen-generators-entry.cjs', loader: 'js' },
    outfile: path.join(outdir, GENERATORS_BUNDLE),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    mainFields: ['main', 'module'],
    keepNames: true,
    logLevel: 'warning',
    ...options,
    plugins: [
      {
        name: 'prettier-parsers',
        setup(pluginBuild) {
          pluginBuild.onResolve({ filter: /^\.\/parser-[a-z]+$/ }, (args) => {
            if (args.importer !== prettierIndex) return undefined;
            // .cjs: the output directory may be inside a `"type": "module"` package (the CLI's dist is).
            const file = `${args.path.slice(2)}.cjs`;
            parsers.add(file);
            return { path: `./${PRETTIER_PARSERS}/${file}`, external: true };
          });
        },
      },
      {
        name: 'types-generator-directives',
        setup(pluginBuild) {
          pluginBuild.onLoad({ filter: /loading\.js$/ }, (args) => {
            if (args.path !== typesLoading) return undefined;
            const source = readFileSync(args.path, 'utf8');
            const from = `(0, path_1.join)(__dirname, '..', '${DIRECTIVES}')`;
            const count = source.split(from).length - 1;
            if (count !== 2) throw new Error(`${typesLoading}: expected 2 reads of ${DIRECTIVES}, found ${count} (generator changed?)`);
            return { contents: source.replaceAll(from, `(0, path_1.join)(__dirname, '${DIRECTIVES}')`), loader: 'js' };
          });
        },
      },
    ],
  });
  asciiOnly(path.join(outdir, GENERATORS_BUNDLE));
  copyFileSync(directivesPath, path.join(outdir, DIRECTIVES));
  if (parsers.size === 0) throw new Error(`no prettier parser required from ${prettierIndex} (prettier changed?)`);
  mkdirSync(path.join(outdir, PRETTIER_PARSERS), { recursive: true });
  for (const file of parsers) copyFileSync(path.join(path.dirname(prettierIndex), file.replace(/\.cjs$/, '.js')), path.join(outdir, PRETTIER_PARSERS, file));
};

/**
 * Escape the bundle's few non-ASCII characters (`\uXXXX`; esbuild leaves them in some regular expression literals):
 * V8 holds an all-ASCII source as a one-byte string, half the memory of a two-byte one and faster to decode, scan
 * and compile (~15 ms per load of the bundle, on every thread that loads it). The escape means the same character
 * in a string, a regular expression or an identifier; `generatorsBundle.test.ts` checks the bundle is ASCII and
 * that it writes the same files as the sources.
 */
const asciiOnly = (file) => {
  const source = readFileSync(file, 'utf8');
  const escaped = source.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (escaped !== source) writeFileSync(file, escaped);
};

/**
 * Write the generators' V8 code caches beside them in `outdir`: runs `entry` (`src/generatorsCodeCache.ts` as
 * bundled into `outdir`, beside the generators bundle) in a plain node process, which generates every format
 * once and writes the caches. Returns the files written.
 */
export const writeGeneratorsCodeCache = (entry) => {
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // a plain node, as `ampx` runs (V8 rejects a cache made under other flags)
  const child = spawnSync(process.execPath, [entry], { env, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`${entry} failed (${child.status}): ${child.stderr.slice(-4000)}`);
  const written = JSON.parse(child.stdout.trim().split('\n').pop());
  if (!written.some((file) => path.basename(file).startsWith(GENERATORS_BUNDLE))) throw new Error(`${entry} wrote no code cache for ${GENERATORS_BUNDLE}`);
  return written;
};
