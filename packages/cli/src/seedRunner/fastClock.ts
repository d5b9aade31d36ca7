/**
 * `ampx sandbox seed --fast-clock`: a long wait in the seed script (a `setTimeout` of ≥ 1 s, e.g. the
 * docs' 35 s pause before a second TOTP code) fires at once and moves one shared sandbox clock by the
 * same amount — the script's `Date` here and the local cloud's `services.clock` — so everything the
 * script and the cloud compute with time (TOTP steps, code and token lifetimes) sees the wait as having
 * happened. Time only moves forward: a TOTP step or a code can never be used twice.
 *
 * Only timers the project's own code sets are shortened (checked on the caller's stack); timers of
 * Node, the AWS SDK or aws-amplify (socket and retry timeouts) keep their real delays.
 */
export interface FastClockOptions {
  /** Files under this folder (outside node_modules) are the project's code. */
  projectRoot: string;
  /** Moves the sandbox clock forward; awaited before the timer's callback runs. */
  advance(ms: number): Promise<void>;
  /** Shortest delay that is fast-forwarded (default 1000 ms). */
  minDelayMs?: number;
  /**
   * How far the sandbox clock is ahead of real time when the seed starts (an earlier fast-clock seed
   * against the same running sandbox moved it): the script's `Date` starts there, so its TOTP codes
   * are for the step the cloud checks.
   */
  initialOffsetMs?: number;
}

export function installFastClock(o: FastClockOptions): () => void {
  const g = globalThis as typeof globalThis & { Date: DateConstructor };
  const RealDate = g.Date;
  const realSetTimeout = g.setTimeout;
  const realNow = RealDate.now.bind(RealDate);
  let offset = Math.max(0, o.initialOffsetMs ?? 0);
  const min = o.minDelayMs ?? 1000;
  const root = o.projectRoot.endsWith('/') ? o.projectRoot : o.projectRoot + '/';

  // A Date whose "now" is the sandbox clock; everything else is the real Date.
  class SandboxDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(realNow() + offset);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return realNow() + offset;
    }
  }

  const fromProject = (): boolean => {
    const stack = new Error().stack ?? '';
    return stack.split('\n').slice(2).some((line) => {
      const m = /(?:file:\/\/)?(\/[^\s():?]+)/.exec(line);
      return Boolean(m && m[1]!.startsWith(root) && !m[1]!.includes('/node_modules/'));
    });
  };

  function fastSetTimeout(this: unknown, handler: TimerHandler, delay?: number, ...args: unknown[]) {
    const ms = Number(delay) || 0;
    if (typeof handler !== 'function' || ms < min || !fromProject()) return realSetTimeout(handler as () => void, delay, ...args);
    let cancelled = false;
    const timer = realSetTimeout(() => {
      o.advance(ms).then(
        () => {
          offset += ms;
          if (!cancelled) (handler as (...a: unknown[]) => void)(...args);
        },
        (err) => process.emitWarning(`fast clock: could not advance the sandbox clock: ${(err as Error).message}`),
      );
    }, 0);
    (timer as unknown as { _sandlotCancel: () => void })._sandlotCancel = () => (cancelled = true);
    return timer;
  }

  const realClearTimeout = g.clearTimeout;
  g.Date = SandboxDate as DateConstructor;
  g.setTimeout = Object.assign(fastSetTimeout, { __promisify__: (realSetTimeout as unknown as { __promisify__: unknown }).__promisify__ }) as unknown as typeof setTimeout;
  g.clearTimeout = ((t?: NodeJS.Timeout | string | number) => {
    (t as unknown as { _sandlotCancel?: () => void } | undefined)?._sandlotCancel?.();
    realClearTimeout(t as NodeJS.Timeout);
  }) as typeof clearTimeout;
  return () => {
    g.Date = RealDate;
    g.setTimeout = realSetTimeout;
    g.clearTimeout = realClearTimeout;
  };
}
