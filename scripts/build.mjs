// Bundles the CLI into packages/cli/dist/ (one ESM file plus lazily loaded chunks) so a command
// starts in tens of milliseconds instead of loading hundreds of modules through tsx.
import { build } from 'esbuild';
import { copyFileSync, rmSync } from 'node:fs';
import { buildGeneratorsBundle, writeGeneratorsCodeCache } from '../packages/codegen/generatorsBundle.mjs';

const outdir = 'packages/cli/dist';

rmSync(outdir, { recursive: true, force: true });
/** What both builds share: ESM for Node 20, minified, source maps beside, a `require` for bundled CommonJS. */
const common = {
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  minify: true,
  // ESM builds let esbuild drop the SDK commands and schemas we never send.
  mainFields: ['module', 'main'],
  keepNames: true,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __sandlotRequire } from 'node:module'; const require = __sandlotRequire(import.meta.url);" },
};
await build({
  // backend.mjs is what `@aws-amplify/backend` resolves to inside a project Sandlot loads.
  // seed.mjs is what `@aws-amplify/seed` resolves to inside a seed script `ampx sandbox seed` runs.
  // register.mjs / configure.mjs are `sandlot/register` and `sandlot/register/configure` (plain Node can load them: no tsx).
  entryPoints: {
    ampx: 'packages/cli/src/ampx.ts',
    backend: 'packages/backend/src/index.ts',
    seed: 'packages/seed/src/index.ts',
    // What the published @aws-amplify/seed's `@aws-amplify/cli-core` import becomes under ampx sandbox seed.
    'seed-prompter': 'packages/seed/src/publishedPrompter.ts',
    register: 'packages/cli/src/register.ts',
    configure: 'packages/cli/src/register/configure.ts',
    // Build step only (run below): writes the generators' V8 code caches (packages/codegen/src/generatorsCodeCache.ts).
    'codegen-code-cache': 'packages/codegen/src/generatorsCodeCache.ts',
  },
  ...common,
  splitting: true,
  // Packages that load user code or big optional tools at run time. better-sqlite3's JavaScript is bundled (a
  // dozen small CommonJS files less to load per command); its addon is loaded by path (store/database.ts).
  external: ['tsx', 'typescript', 'esbuild', 'aws-amplify', '@aws-amplify/*', 'aws-cdk-lib', 'constructs', 'playwright-core'],
});
// Worker thread of `ampx sandbox` that loads the model generator while the backend loads: one file with the
// generator bundled in (its package graph is hundreds of small CommonJS files, es-abstract shims among them:
// bundled, the worker is ready in about a fifth of the time).
await build({
  ...common,
  entryPoints: { 'introspection-worker': 'packages/cli/src/sandbox/introspectionWorker.ts' },
});
// The official generator packages `generate graphql-client-code` runs (codegen-generators.cjs beside the codegen
// chunk, which loads it instead of their hundreds of files in node_modules; in each batch worker thread too).
await buildGeneratorsBundle(outdir, { minify: true, sourcemap: 'linked', logLevel: 'warning' });
// Their V8 code caches beside them (`<file>.v8-cache`), made by generating every format once with this node:
// each thread that loads them then skips compiling the functions a generation runs.
writeGeneratorsCodeCache(`${outdir}/codegen-code-cache.mjs`);
copyFileSync('packages/backend/src/loader/redirectHooks.mjs', `${outdir}/redirectHooks.mjs`);
