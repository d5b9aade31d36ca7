import type { Cloud } from '@sandlot/cloud';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Printer } from '../printer.js';
import { backendEntryPoint } from '../backendLoader/entryPoint.js';
import type { SandboxLocation } from '../project/sandboxLocation.js';
import { type OutputsTarget, writeFileAtomic } from './outputsTarget.js';
import { writtenOutputsRecord } from './deleteSandboxState.js';

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
 * Applies the project's backend definition to the local cloud and writes the outputs file.
 * Never throws: a failed apply is a result, so watch mode keeps running.
 */
export async function deployBackend(ctx: DeployContext): Promise<DeployResult> {
  try {
    backendEntryPoint(ctx.loc.project.root);
    const { cloud, loc } = ctx;
    cloud.services.stacks.put({
      name: loc.stackName,
      stackId: `arn:aws:cloudformation:${cloud.services.region}:${cloud.services.accountId}:stack/${loc.stackName}/sandlot`,
      status: 'UPDATE_COMPLETE',
      metadata: { 'AWS::Amplify::Platform': { version: '1', stackOutputs: ['deploymentType', 'region'] } },
      outputs: { deploymentType: 'sandbox', region: cloud.services.region },
      tags: { 'created-by': 'amplify', 'amplify:deployment-type': 'sandbox' },
      now: cloud.services.clock.now(),
    });
    writeFileAtomic(ctx.outputs.file, JSON.stringify({ version: ctx.outputs.version }, null, 2));
    writeFileSync(writtenOutputsRecord(loc.stateDir), ctx.outputs.file);
    return { ok: true, summary: [], outputsFile: ctx.outputs.file };
  } catch (error) {
    return { ok: false, error: error as Error };
  }
}
