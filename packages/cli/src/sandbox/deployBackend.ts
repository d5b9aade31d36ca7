import { applyIdentityPoolConfig, applyUserPoolConfig, type Cloud } from '@sandlot/cloud';
import { collectSecretRefs, type AuthProps, type DataProps, type StorageDefinitionProps } from '@sandlot/backend';
import { writeFileSync } from 'node:fs';
import type { Printer } from '../printer.js';
import { AmplifyUserError } from '../errors.js';
import { format } from '../format.js';
import type { SandboxLocation } from '../project/sandboxLocation.js';
import { parameterPath, sharedParameterPrefix } from '../project/backendIdentifier.js';
import { loadBackend } from '../backendLoader/loadBackend.js';
import type { BackendOutput } from '../backendState/deployedBackend.js';
import { renderOutputs } from '../outputs/renderOutputs.js';
import { type OutputsTarget, writeFileAtomic } from './outputsTarget.js';
import { writtenOutputsRecord } from './deleteSandboxState.js';
import { resourceIds } from './resourceIds.js';
import { synthAuth } from './synth/authSynth.js';
import { synthData, MODEL_SCHEMA_KEY } from './synth/dataSynth.js';
import { synthStorage } from './synth/storageSynth.js';

export interface DeployContext {
  loc: SandboxLocation;
  cloud: Cloud;
  url: string;
  outputs: OutputsTarget;
  printer: Printer;
  reason: 'start' | 'change' | string;
}

export type DeployResult = { ok: true; summary: string[]; outputsFile: string } | { ok: false; error: Error };

/**
 * Applies the project's backend definition to the local cloud — what a CloudFormation deployment does
 * for the real sandbox — then records the stack (Metadata + outputs, as amplify-backend's constructs
 * write them) and writes the outputs file. Never throws: a failed apply is a result, so watch mode
 * keeps running with the last good state.
 */
export async function deployBackend(ctx: DeployContext): Promise<DeployResult> {
  try {
    const { cloud, loc } = ctx;
    const s = cloud.services;
    const loaded = await loadBackend(loc.project.root);
    const resources = Object.values(loaded.record.resources);
    checkSecrets(ctx, collectSecretRefs(resources.map((r) => r.props)));
    const ids = resourceIds(loc.stackName, loc.account, s.region);
    const now = s.clock.now();
    const summary: string[] = [];
    const output: BackendOutput = { 'AWS::Amplify::Platform': { version: '1', payload: { deploymentType: 'sandbox', region: s.region } } };

    const auths = resources.filter((r) => r.kind === 'auth');
    if (auths.length > 1) throw new AmplifyUserError('MultipleSingletonResourcesError', { message: 'defineAuth is used more than once in defineBackend.', resolution: 'Pass a single defineAuth result to defineBackend.' });
    const auth = auths[0] && synthAuth(auths[0].props as AuthProps, ids, s.region);
    if (auth) {
      applyUserPoolConfig(s, auth.userPool);
      applyIdentityPoolConfig(s, auth.identityPool);
      output['AWS::Amplify::Auth'] = { version: '1', payload: auth.payload };
      const groups = auth.userPool.groups?.map((g) => g.name) ?? [];
      summary.push(`Auth: user pool ${auth.userPool.userPoolId}${groups.length ? ` (groups: ${groups.join(', ')})` : ''}, MFA ${auth.userPool.mfa?.mode ?? 'OFF'}`);
    }

    let introspection: unknown;
    const dataDef = resources.find((r) => r.kind === 'data');
    if (dataDef) {
      const data = synthData(dataDef.props as DataProps, { ids, region: s.region, cloudUrl: ctx.url, hasAuth: Boolean(auth), now, codegenBucket: ids.bucketName('codegen') });
      s.stacks.putAsset(data.payload.amplifyApiModelSchemaS3Uri!, data.modelSchema, now);
      introspection = data.modelIntrospection;
      output['AWS::Amplify::GraphQL'] = { version: '1', payload: data.payload };
      summary.push(`Data: ${data.payload.awsAppsyncApiEndpoint} (${[data.defaultAuthenticationType, ...data.additionalAuthenticationTypes].join(', ')}; models: ${Object.keys((introspection as { models?: object }).models ?? {}).join(', ') || 'none'})`);
    }

    const storageDefs = resources.filter((r) => r.kind === 'storage').map((r) => r.props as StorageDefinitionProps);
    if (storageDefs.length) {
      const storage = synthStorage(storageDefs, ids, s.region);
      output['AWS::Amplify::Storage'] = { version: '1', payload: storage.payload };
      summary.push(`Storage: ${storage.buckets.map((b) => `${b.name} → ${b.bucketName}`).join(', ')}`);
    }

    if (loaded.record.outputs.length) {
      const custom = Object.assign({}, ...loaded.record.outputs);
      output['AWS::Amplify::Custom'] = { version: '1', payload: { customOutputs: JSON.stringify(custom) } };
    }

    s.stacks.put({
      name: loc.stackName,
      stackId: `arn:aws:cloudformation:${s.region}:${s.accountId}:stack/${loc.stackName}/${ids.apiId.slice(0, 8)}`,
      status: ctx.reason === 'start' ? 'UPDATE_COMPLETE' : 'UPDATE_COMPLETE',
      metadata: Object.fromEntries(Object.entries(output).map(([k, v]) => [k, { version: v.version, stackOutputs: Object.keys(v.payload) }])),
      outputs: Object.assign({}, ...Object.values(output).map((v) => v.payload)),
      tags: { 'created-by': 'amplify', 'amplify:deployment-type': 'sandbox' },
      now,
    });
    const text = await renderOutputs(output, ctx.outputs.version, ctx.outputs.format, introspection, { allowMobileJson: true });
    writeFileAtomic(ctx.outputs.file, text);
    writeFileSync(writtenOutputsRecord(loc.stateDir), ctx.outputs.file);
    for (const w of loaded.warnings) summary.push(`[WARN] ${w}`);
    return { ok: true, summary, outputsFile: ctx.outputs.file };
  } catch (error) {
    return { ok: false, error: error as Error };
  }
}

export { MODEL_SCHEMA_KEY };

/** Every `secret('x')` must be set for this sandbox (or shared for the app): else SecretNotSetError. */
function checkSecrets(ctx: DeployContext, names: string[]): void {
  const params = ctx.cloud.services.parameters;
  for (const name of names) {
    if (params.exists(parameterPath(ctx.loc.id, name)) || params.exists(`${sharedParameterPrefix(ctx.loc.project.name)}/${name}`)) continue;
    throw new AmplifyUserError('SecretNotSetError', {
      message: `The secret '${name}' specified in the backend does not exist.`,
      resolution: `Create secrets using the command ${format.command(`sandbox secret set ${name}`)} (with the same --identifier and --profile as this sandbox).`,
    });
  }
}
