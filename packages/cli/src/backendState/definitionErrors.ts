import { AmplifyError, AmplifyUserError } from '../errors.js';

/**
 * Errors from the backend and codegen packages carry `name`, `message` and `resolution` (as ampx's
 * AmplifyUserError); this makes them print the same way. Anything else passes through unchanged.
 */
export function asUserError(err: unknown): Error {
  const e = err as Error & { resolution?: string; details?: string };
  if (err instanceof AmplifyError || typeof e?.resolution !== 'string') return e;
  return new AmplifyUserError(e.name, { message: e.message, resolution: e.resolution, details: e.details });
}
