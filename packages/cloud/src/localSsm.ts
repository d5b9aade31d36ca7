import { randomUUID } from 'node:crypto';
import { createCoreServices, type CoreOptions } from './coreServices.js';
import { buildSsmOperations, type SsmOperationName } from './ssm/operations/index.js';
import { INTERNAL_ERROR_MESSAGE, ServiceError } from './http/serviceError.js';

type Operations = ReturnType<typeof buildSsmOperations>;
/** The input an SSM operation takes (the SDK's `…CommandInput`). */
export type LocalSsmInput<K extends SsmOperationName> = Parameters<Operations[K]>[1];
/** What an SSM operation returns (the SDK's `…CommandOutput` without `$metadata`). */
export type LocalSsmOutput<K extends SsmOperationName> = Awaited<ReturnType<Operations[K]>>;

/** The sandbox's Parameter Store, called in-process as the local account's root. */
export interface LocalSsm {
  call<K extends SsmOperationName>(operation: K, input: LocalSsmInput<K>): Promise<LocalSsmOutput<K>>;
  close(): void;
}

/**
 * The same SSM operations `createCloud` serves, over the same store, called directly instead of over
 * HTTP + SigV4 + the SDK: what the secret commands use, so a command loads the code of SSM and
 * nothing else (createCloud imports every service). Errors are the ones the SDK would throw (name =
 * AWS error code, same message); an unexpected failure is logged and becomes `InternalErrorException`,
 * as the router turns it into for SDK callers.
 */
export function openLocalSsm(o: CoreOptions): LocalSsm {
  const services = createCoreServices(o);
  const operations = buildSsmOperations(services);
  return {
    async call<K extends SsmOperationName>(operation: K, input: LocalSsmInput<K>): Promise<LocalSsmOutput<K>> {
      const requestId = randomUUID();
      const logger = services.logger.child({ service: 'ssm', op: operation });
      const ctx = { requestId, service: 'ssm', operation, region: services.region, accountId: services.accountId, accessKeyId: services.rootCredentials.accessKeyId, logger };
      try {
        const run = operations[operation] as unknown as (c: typeof ctx, i: LocalSsmInput<K>) => Promise<LocalSsmOutput<K>>;
        return await run(ctx, input);
      } catch (err) {
        if (err instanceof ServiceError) throw err;
        logger.error(`internal error: ${(err as Error)?.stack ?? String(err)}`);
        throw new ServiceError('InternalErrorException', INTERNAL_ERROR_MESSAGE, 500, false);
      }
    },
    close: () => services.db.close(),
  };
}
