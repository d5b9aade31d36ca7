import type { RequestContext } from '../context.js';

/** An AWS operation: typed with the SDK's own `…CommandInput` / `…CommandOutput` (minus `$metadata`). */
export type Operation<Input, Output> = (ctx: RequestContext, input: Input) => Promise<Output>;

export type WireOutput<T> = Omit<T, '$metadata'>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperation = Operation<any, any>;
