import { applyDataConfig, applyIdentityPoolConfig, applyStorageConfig, applyUserPoolConfig, publishObject, type Cloud, type DataAuthorizationMode } from '@sandlot/cloud';
import { loadBackend, renderStackOutputs, resolveSecrets, stackOutputsFor } from '@sandlot/backend/sandbox';
import { writeFileSync } from 'node:fs';
import type { Printer } from '../printer.js';
import type { SandboxLocation } from '../project/sandboxLocation.js';
import { parameterPath, sharedParameterPrefix } from '../project/backendIdentifier.js';
import { asUserError } from '../backendState/definitionErrors.js';
import { type OutputsTarget, writeFileAtomic } from './outputsTarget.js';
import { writtenOutputsRecord } from './deleteSandboxState.js';
import { resourceIds } from './resourceIds.js';
import { deployedResourcesFor, identityPoolConfigFor, userPoolConfigFor } from './localResources.js';
import type { ModelIntrospector } from './modelIntrospector.js';

export interface DeployContext {
  loc: SandboxLocation;
  cloud: Cloud;
  url: string;
  outputs: OutputsTarget;
  printer: Printer;
  reason: 'start' | 'change' | string;
  /** Computes `data.model_introspection` (default: in this thread). */
  introspector?: Pick<ModelIntrospector, 'introspect'>;
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
    const model = await loadBackend(loc.project.root);
    await resolveSecrets(model, (name) =>
      s.parameters.get(parameterPath(loc.id, name))?.value ?? s.parameters.get(`${sharedParameterPrefix(loc.project.name)}/${name}`)?.value,
    );
    const ids = resourceIds(loc.stackName, loc.account, s.region);
    const now = s.clock.now();
    const summary: string[] = [];
    if (model.auth) {
      const pool = userPoolConfigFor(model.auth, ids);
      applyUserPoolConfig(s, pool);
      applyIdentityPoolConfig(s, identityPoolConfigFor(model.auth, ids));
      summary.push(`Auth: user pool ${pool.userPoolId}${model.auth.groups.length ? ` (groups: ${model.auth.groups.map((g) => g.name).join(', ')})` : ''}, MFA ${model.auth.mfa.mode}`);
    }
    // Loaded on demand: the official generators pull in prettier and friends, which commands without data never need.
    const introspection = model.data
      ? await (ctx.introspector ? ctx.introspector.introspect(model.data.modelSchema) : (await import('@sandlot/codegen')).generateModelIntrospection({ modelSchema: model.data.modelSchema }))
      : undefined;
    const deployed = deployedResourcesFor(model, ids, { region: s.region, cloudUrl: ctx.url, modelIntrospection: introspection });
    if (model.data) {
      // The model schema asset where a deployed backend keeps it (`amplifyApiModelSchemaS3Uri`).
      const [bucket, ...key] = deployed.modelSchemaS3Uri!.slice('s3://'.length).split('/');
      await publishObject(s, { bucket: bucket!, key: key.join('/'), body: model.data.modelSchema, contentType: 'text/plain' });
      const m = model.data.authorizationModes;
      applyDataConfig(s, {
        apiId: ids.apiId,
        apiName: model.data.name,
        schemaSdl: model.data.modelSchema,
        authorizationModes: {
          // 'oidc' is refused by the local AppSync by name (not emulated).
          default: m.defaultAuthorizationMode as DataAuthorizationMode,
          apiKey: deployed.apiKey ? { key: deployed.apiKey, expiresAt: new Date(now.getTime() + (m.apiKey?.expiresInDays ?? 7) * 86_400_000) } : undefined,
          userPoolId: model.auth ? ids.userPoolId : undefined,
          identityPoolId: model.auth ? ids.identityPoolId : undefined,
        },
      });
      summary.push(`Data: ${deployed.graphqlUrl} (${[m.defaultAuthorizationType, ...m.additionalAuthorizationTypes].join(', ')}; models: ${Object.keys(introspection!.models ?? {}).join(', ') || 'none'})`);
    }
    applyStorageConfig(s, {
      buckets: (model.storage ?? []).map((b) => ({ name: b.name, bucketName: ids.bucketName(b.name), isDefault: b.isDefault, region: s.region, paths: b.paths as never })),
    });
    if (model.storage?.length) summary.push(`Storage: ${deployed.buckets!.map((b) => `${b.name} → ${b.bucketName}`).join(', ')}`);

    const output = stackOutputsFor(model, deployed);
    s.stacks.put({
      name: loc.stackName,
      stackId: `arn:aws:cloudformation:${s.region}:${s.accountId}:stack/${loc.stackName}/${ids.apiId.slice(0, 8)}`,
      status: 'UPDATE_COMPLETE',
      metadata: Object.fromEntries(Object.entries(output).map(([k, v]) => [k, { version: v.version, stackOutputs: Object.keys(v.payload) }])),
      outputs: Object.assign({}, ...Object.values(output).map((v) => v.payload)),
      tags: { 'created-by': 'amplify', 'amplify:deployment-type': 'sandbox' },
      now,
    });
    const rendered = renderStackOutputs(output, { version: ctx.outputs.version, format: ctx.outputs.format, allowMobileJson: true }, introspection);
    writeFileAtomic(ctx.outputs.file, rendered.contents);
    writeFileSync(writtenOutputsRecord(loc.stateDir), ctx.outputs.file);
    for (const w of model.warnings) summary.push(`[WARN] ${w}`);
    return { ok: true, summary, outputsFile: ctx.outputs.file };
  } catch (error) {
    return { ok: false, error: asUserError(error) };
  }
}
