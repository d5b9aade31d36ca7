import { ValidationException } from './errors.js';

const NAME = /^[a-zA-Z0-9_.\-/]+$/;

/** SSM's parameter-name rules (the ones a client can break); throws SSM's ValidationException. */
export function assertParameterName(name: unknown, field = 'name'): asserts name is string {
  if (typeof name !== 'string' || name.length < 1 || name.length > 2048) {
    throw new ValidationException(`1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must have length between 1 and 2048`);
  }
  if (!NAME.test(name)) {
    throw new ValidationException(`Parameter name: can't be prefixed with "aws" or "ssm" (case-insensitive) and must contain only a-zA-Z0-9_.-/ (got ${JSON.stringify(name)}).`);
  }
  if (name.includes('/') && !name.startsWith('/')) {
    throw new ValidationException('Parameter name must be a fully qualified name: a hierarchical name begins with a forward slash (/).');
  }
  if (/^\/?(aws|ssm)/i.test(name)) {
    throw new ValidationException('No access to reserved parameter name: names beginning with aws or ssm (case-insensitive) are reserved.');
  }
}

/** `name`, `name:3` (version selector); labels are not supported. */
export function parseSelector(raw: string): { name: string; version?: number } {
  const m = /^(.*):(\d+)$/.exec(raw);
  if (!m) return { name: raw };
  return { name: m[1]!, version: Number(m[2]) };
}
