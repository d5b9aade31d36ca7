import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { LoadedBackend } from '../model/types.js';
import { clientConfigFor } from './clientConfig.js';
import { stackOutputsFor } from './stackOutputs.js';
import { OUTPUTS_FORMATS, OUTPUTS_VERSIONS, type BackendOutput, type ClientConfig, type DeployedResources, type OutputsFormat, type OutputsVersion } from './types.js';

export interface RenderOutputsOptions {
  version: OutputsVersion;
  format: OutputsFormat;
  /**
   * Sandlot extension for the docs' Android page (`json-mobile` with a 1.x version): write the 1.x JSON
   * as `amplify_outputs.json`, which Amplify Android reads. Off by default: the real tool throws.
   */
  allowMobileJson?: boolean;
}

export interface RenderedOutputs {
  /** `amplify_outputs.<ext>` (1.x) or `amplifyconfiguration.<ext>` (0); `json-mobile` → `.json`. */
  fileName: string;
  contents: string;
}

/** The real writer's error for `mjs`/`ts`/`json-mobile` with a 1.x version (a plain `Error`). */
export class UnsupportedOutputsFormatError extends Error {
  constructor(format: string) {
    super(`Unsupported client config format ${format} for client config`);
    this.name = 'Error';
  }
}

/** `getClientConfigFileName` + extension (`paths/*` of `@aws-amplify/client-config`). */
export const outputsFileName = (version: OutputsVersion, format: OutputsFormat): string =>
  `${version === '0' ? 'amplifyconfiguration' : 'amplify_outputs'}.${format === 'json-mobile' ? 'json' : format}`;

function checkOptions(o: RenderOutputsOptions): void {
  if (!OUTPUTS_VERSIONS.includes(o.version)) throw new Error(`Invalid outputs version ${JSON.stringify(o.version)}. Use one of ${OUTPUTS_VERSIONS.join(', ')}.`);
  if (!OUTPUTS_FORMATS.includes(o.format)) throw new Error(`Invalid outputs format ${JSON.stringify(o.format)}. Use one of ${OUTPUTS_FORMATS.join(', ')}.`);
}

/** The file for a unified (1.x) config or, for version 0, the legacy formats of the real formatter. */
function formatConfig(config: ClientConfig, o: RenderOutputsOptions): RenderedOutputs {
  const fileName = outputsFileName(o.version, o.format);
  if (o.version !== '0') {
    if (o.format === 'json' || (o.format === 'json-mobile' && o.allowMobileJson)) return { fileName, contents: JSON.stringify(config, null, 2) };
    if (o.format === 'dart') return { fileName, contents: `const amplifyConfig = r'''${JSON.stringify(config, null, 2)}''';` };
    throw new UnsupportedOutputsFormatError(o.format);
  }
  return { fileName, contents: legacyFormatter().format(config, o.format) };
}

/**
 * `amplify_outputs.json` (or another version/format) for a loaded backend and what the local cloud
 * created for it: the stack outputs the real constructs would write, mapped as `@aws-amplify/client-config` maps them.
 */
export function renderOutputs(model: LoadedBackend, deployed: DeployedResources, o: RenderOutputsOptions): RenderedOutputs {
  checkOptions(o);
  return renderStackOutputs(stackOutputsFor(model, deployed), o, deployed.modelIntrospection);
}

/** The same from stack outputs already read back (e.g. from the local CloudFormation). */
export function renderStackOutputs(output: BackendOutput, o: RenderOutputsOptions, modelIntrospection?: unknown): RenderedOutputs {
  checkOptions(o);
  if (o.version !== '0' && !['json', 'dart'].includes(o.format) && !(o.format === 'json-mobile' && o.allowMobileJson)) throw new UnsupportedOutputsFormatError(o.format);
  // Version 0 converts the unified 1.5 config (the real tool asks its generator for 1.5, then converts).
  return formatConfig(clientConfigFor(output, o.version === '0' ? '1.5' : o.version, modelIntrospection), o);
}

/**
 * The placeholder written before the first deploy (`generateEmptyClientConfigToFile`): `{ "version": "<v>" }`;
 * version 0 converts an empty 1.5 config, which gives `{}` in the legacy shapes.
 */
export function renderEmptyOutputs(version: OutputsVersion, format: OutputsFormat, o: { allowMobileJson?: boolean } = {}): RenderedOutputs {
  checkOptions({ version, format });
  return formatConfig({ version: version === '0' ? '1.5' : version } as ClientConfig, { version, format, ...o });
}

type LegacyFormatter = { format(config: ClientConfig, format: string): string };
let legacy: LegacyFormatter | undefined;

/**
 * The real legacy formatter of `@aws-amplify/client-config` (Gen 1 shapes, mobile converter with the
 * package's own name/version as UserAgent). Not in the package's export map, so loaded by file.
 */
function legacyFormatter(): LegacyFormatter {
  if (legacy) return legacy;
  const require = createRequire(import.meta.url);
  const main = require.resolve('@aws-amplify/client-config');
  const lib = dirname(main);
  const pkg = JSON.parse(readFileSync(join(lib, '..', 'package.json'), 'utf8')) as { name: string; version: string };
  const { ClientConfigFormatterLegacy } = require(join(lib, 'client-config-writer', 'client_config_formatter_legacy.js')) as { ClientConfigFormatterLegacy: new (c: unknown) => LegacyFormatter };
  const { ClientConfigMobileConverter } = require(join(lib, 'client-config-writer', 'client_config_to_mobile_legacy_converter.js')) as { ClientConfigMobileConverter: new (n: string, v: string) => unknown };
  legacy = new ClientConfigFormatterLegacy(new ClientConfigMobileConverter(pkg.name, pkg.version));
  return legacy;
}
