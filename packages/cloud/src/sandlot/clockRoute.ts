import type { ServiceModule } from '../http/serviceModule.js';
import type { WireResponse } from '../http/wire.js';
import type { Clock } from '../clock.js';

/**
 * The sandbox clock over HTTP, for a seed run in another process (`ampx sandbox seed --fast-clock`):
 * `GET /_sandlot/clock` → `{ now }`; `POST /_sandlot/clock {"advanceMs": n}` moves it forward by n ms
 * (1 ≤ n ≤ 86,400,000; never backwards, so a TOTP step or a code can never be used twice) → `{ now }`.
 */
const MAX_ADVANCE_MS = 86_400_000;
const json = (status: number, value: unknown): WireResponse => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
const invalid = (message: string) => json(400, { __type: 'InvalidParameterException', message });

export function clockRoute(clock: Clock): ServiceModule {
  return {
    name: 'sandlot-clock',
    matches: (req) => req.path === '/_sandlot/clock' && (req.method === 'GET' || req.method === 'POST'),
    async handle(req) {
      if (req.method === 'GET') return json(200, { now: clock.now().toISOString() });
      let body: { advanceMs?: unknown };
      try {
        body = JSON.parse(req.body.toString('utf8') || '{}');
      } catch {
        return invalid('The body must be JSON: {"advanceMs": <milliseconds>}.');
      }
      const ms = body?.advanceMs;
      if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 1 || ms > MAX_ADVANCE_MS) {
        return invalid(`advanceMs must be a whole number of milliseconds from 1 to ${MAX_ADVANCE_MS}.`);
      }
      clock.advance(ms);
      return json(200, { now: clock.now().toISOString() });
    },
  };
}
