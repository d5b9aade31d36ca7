/**
 * The only source of time for the local cloud. `advance` moves a sandbox clock forward (tests, and the
 * seed's fast-TOTP mode) without touching the real time of the machine.
 */
export interface Clock {
  now(): Date;
  advance(ms: number): void;
}

/** The machine's time, taken before anything can replace the global `Date` (a seed's fast clock does, in the same process). */
const machineNow = Date.now.bind(Date);

export function systemClock(offsetMs = 0): Clock {
  let offset = offsetMs;
  return {
    now: () => new Date(machineNow() + offset),
    advance: (ms) => {
      offset += ms;
    },
  };
}
