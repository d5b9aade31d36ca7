#!/usr/bin/env node
// Runs the bundled CLI (dist/), or the TypeScript sources through tsx when working on Sandlot itself.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = fileURLToPath(new URL('../dist/ampx.mjs', import.meta.url));
if (existsSync(dist)) {
  const { main } = await import(pathToFileURL(dist).href);
  await main();
} else {
  const { tsImport } = await import('tsx/esm/api');
  const { main } = await tsImport('../src/ampx.ts', import.meta.url);
  await main();
}
