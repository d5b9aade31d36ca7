import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { renderEmptyOutputs, type OutputsFormat, type OutputsVersion } from '@sandlot/backend/sandbox';

export type { OutputsVersion, OutputsFormat };

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
export async function writePlaceholderOutputs(t: OutputsTarget): Promise<void> {
  const rendered = renderEmptyOutputs(t.version, t.format, { allowMobileJson: true });
  if (!existsSync(t.file)) writeFileAtomic(t.file, rendered.contents);
}
