import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { BackendOutput } from '../backendState/deployedBackend.js';
import { clientConfigFor, type OutputsVersion } from './clientConfig.js';

export type OutputsFormat = 'json' | 'dart' | 'mjs' | 'ts' | 'json-mobile';

export class UnsupportedOutputsFormatError extends Error {
  constructor(format: string) {
    super(`Unsupported client config format ${format} for client config`);
    this.name = 'Error';
  }
}

export interface RenderOptions {
  /**
   * Sandlot extension for the docs' Android example (`--outputs-format json-mobile` with a 1.x version):
   * write the 1.x JSON as `amplify_outputs.json`, which Amplify Android reads. The real tool throws.
   */
  allowMobileJson?: boolean;
}

/** The text of the outputs file for a version and format (ampx-spec §4.6). */
export async function renderOutputs(output: BackendOutput, version: OutputsVersion, format: OutputsFormat, modelIntrospection?: unknown, o: RenderOptions = {}): Promise<string> {
  if (version !== '0') {
    const config = clientConfigFor(output, version, modelIntrospection);
    if (format === 'json' || (format === 'json-mobile' && o.allowMobileJson)) return JSON.stringify(config, null, 2);
    if (format === 'dart') return `const amplifyConfig = r'''${JSON.stringify(config, null, 2)}''';`;
    throw new UnsupportedOutputsFormatError(format);
  }
  // Legacy (Gen 1 shaped) files are rare: they come from the real @aws-amplify/client-config writer,
  // fed with the unified 1.5 config, and loaded only here.
  const { writeClientConfigToFile } = (await import(legacyWriterUrl())) as {
    writeClientConfigToFile(c: unknown, v: string, dir: string, f: string): Promise<unknown>;
  };
  const dir = mkdtempSync(join(tmpdir(), 'sandlot-outputs-'));
  try {
    await writeClientConfigToFile(clientConfigFor(output, '1.5', modelIntrospection), '0', dir, format);
    return readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `{ "version": "<v>" }` (v0: `{}`) in the requested format: written before the first deploy. */
export async function renderEmptyOutputs(version: OutputsVersion, format: OutputsFormat, o: RenderOptions = {}): Promise<string> {
  return renderOutputs({}, version, format, undefined, o);
}

/** The package's own writer (not in its export map, so imported by file). */
function legacyWriterUrl(): string {
  const main = createRequire(import.meta.url).resolve('@aws-amplify/client-config');
  return pathToFileURL(join(dirname(main), 'write_client_config_to_file.js')).href;
}
