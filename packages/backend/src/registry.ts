/**
 * The definitions a loaded `amplify/backend.ts` made. Kept on `globalThis` under a registered symbol so
 * the copy of this package the user's files import and the copy the CLI reads are one registry even
 * when they are different module instances (bundled CLI, re-imported definitions on every change).
 */
export interface ResourceDefinition<Kind extends string = string, Props = unknown> {
  readonly kind: Kind;
  readonly props: Props;
  /** Where the define* call was made (file:line), for error messages. */
  readonly definedAt?: string;
}

export interface BackendRecord {
  resources: Record<string, ResourceDefinition>;
  outputs: Record<string, unknown>[];
  warnings: string[];
}

interface Registry {
  current?: BackendRecord;
  warnings: string[];
}

const KEY = Symbol.for('sandlot.backend.registry');

export function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (g[KEY] ??= { warnings: [] });
}

/** Starts a fresh load: forgets what an earlier load of the backend defined. */
export function resetRegistry(): void {
  const r = registry();
  r.current = undefined;
  r.warnings = [];
}

export const warnUnsupported = (what: string): void => {
  const r = registry();
  const msg = `${what} is not emulated by Sandlot yet; it is ignored locally.`;
  if (!r.warnings.includes(msg)) r.warnings.push(msg);
};

/** file:line of the user code that called a define* function. */
export function callerLocation(): string | undefined {
  const stack = new Error().stack?.split('\n') ?? [];
  const frame = stack.find((l) => l.includes('/amplify/') && !l.includes('node_modules'));
  const m = frame && /\((.*):(\d+):\d+\)$|at (.*):(\d+):\d+$/.exec(frame.trim());
  if (!m) return undefined;
  return `${(m[1] ?? m[3])!.replace(/^file:\/\//, '').replace(/\?.*$/, '')}:${m[2] ?? m[4]}`;
}
