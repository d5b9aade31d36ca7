import type { SSMClient } from '@aws-sdk/client-ssm';
import type { LocalSsm } from '@sandlot/cloud/localSsm.js';

/** The SSM operations the secret commands call, by wire name, with the SDK's input and output shapes. */
export type SsmCaller = Pick<LocalSsm, 'call'>;

/**
 * An `SsmCaller` over an SDK client (a remote endpoint). The SDK's command classes load on the first
 * call, so the in-process path (ssmConnection.ts) never loads the SDK.
 */
export function sdkSsmCaller(client: SSMClient): SsmCaller {
  let sdk: Promise<typeof import('@aws-sdk/client-ssm')> | undefined;
  return {
    async call(operation, input) {
      const commands = await (sdk ??= import('@aws-sdk/client-ssm'));
      const Command = commands[`${operation}Command`] as unknown as new (i: typeof input) => Parameters<SSMClient['send']>[0];
      return (await client.send(Command && new Command(input))) as never;
    },
  };
}
