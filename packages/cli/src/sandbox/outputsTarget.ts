import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export type OutputsVersion = '0' | '1' | '1.1' | '1.2' | '1.3' | '1.4' | '1.5';
export type OutputsFormat = 'json' | 'dart' | 'mjs' | 'ts' | 'json-mobile';

/** Where and how the client config is written (`--outputs-version`, `--outputs-format`, `--outputs-out-dir`). */
export interface OutputsTarget {
  version: OutputsVersion;
  format: OutputsFormat;
  outDir: string;
  /** The full path of the file for this version and format. */
  file: string;
}

/** File names as the real tool: v1 `amplify_outputs.{json,dart}`, v0 `amplifyconfiguration.{json,dart,mjs,ts}` (json-mobile: `.json`). */
export function outputsTarget(version: OutputsVersion, format: OutputsFormat, outDir: string): OutputsTarget {
  const base = version === '0' ? 'amplifyconfiguration' : 'amplify_outputs';
  const ext = format === 'json-mobile' ? 'json' : format;
  return { version, format, outDir: resolve(outDir), file: join(resolve(outDir), `${base}.${ext}`) };
}

/** Atomic write (temp + rename), creating the folder: a reader never sees half a file. */
export function writeFileAtomic(file: string, contents: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, file);
}

/** Before the first deploy: `{ "version": "<v>" }` (v0: `{}`) so front ends importing it compile. */
export function writePlaceholderOutputs(t: OutputsTarget): void {
  if (existsSync(t.file)) return;
  const empty = t.version === '0' ? {} : { version: t.version };
  if (t.format === 'json' || t.format === 'json-mobile') writeFileAtomic(t.file, JSON.stringify(empty, null, 2));
  else if (t.format === 'dart') writeFileAtomic(t.file, `const amplifyConfig = '''${JSON.stringify(empty, null, 2)}''';\n`);
  else writeFileAtomic(t.file, `const amplifyConfig = ${JSON.stringify(empty, null, 2)};\n\nexport default amplifyConfig;\n`);
}
