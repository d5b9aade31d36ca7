import { BackendDefinitionError } from '../errors.js';

/**
 * amplify-backend's `ObjectAccumulator` (platform-core), used for `backend.addOutput` parts and for
 * merging them over the generated config: objects merge, arrays concatenate, a leaf set twice is
 * `OutputEntryAlreadyExistsError`; the top-level `version` keeps the higher of two with the same major
 * (`VersionMismatchError` otherwise).
 */
export function accumulate(target: Record<string, unknown>, part: Record<string, unknown>, path: string[] = []): Record<string, unknown> {
  for (const [key, value] of Object.entries(part)) {
    const current = target[key];
    if (path.length === 0 && key === 'version' && current !== undefined) {
      const [a, b] = [String(current), String(value)];
      if (a.split('.')[0] !== b.split('.')[0]) {
        throw new BackendDefinitionError('VersionMismatchError', 'Conflicting versions of client configuration found.', 'Ensure that the version specified in all outputs are of the same major version', { details: `${a} and ${b}` });
      }
      if (compareVersions(b, a) > 0) target[key] = value;
    } else if (Array.isArray(current) && Array.isArray(value)) {
      target[key] = [...current, ...value];
    } else if (isPlain(current) && isPlain(value)) {
      accumulate(current, value, [...path, key]);
    } else if (current !== undefined) {
      throw new BackendDefinitionError('OutputEntryAlreadyExistsError', `Duplicated entry with key ${[...path, key].join('.')} detected in deployment outputs`, 'Check if `backend.addOutput` is called multiple times with overlapping inputs');
    } else {
      target[key] = isPlain(value) ? accumulate({}, value) : Array.isArray(value) ? [...value] : value;
    }
  }
  return target;
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
