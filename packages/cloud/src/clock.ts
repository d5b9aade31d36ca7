/**
 * The only source of time for the local cloud. `advance` moves a sandbox clock forward (tests, and the
 * seed's fast-TOTP mode) without touching the real time of the machine.
 */
export interface Clock {
  now(): Date;
  advance(ms: number): void;
}

export function systemClock(offsetMs = 0): Clock {
  let offset = offsetMs;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => {
      offset += ms;
    },
  };
}
