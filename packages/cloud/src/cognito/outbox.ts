import type { Database } from '../store/database.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';

/**
 * The local stand-in for SES and SNS: every e-mail / SMS a user pool would send (sign-up codes, MFA
 * codes, reset codes, attribute verification) lands here, in SQLite, and in the log at info level.
 * Listed by `GET /_sandlot/outbox[?to=<address>]` and by `listOutbox`.
 */
export interface OutboxMessage {
  id: number;
  at: string;
  userPoolId: string;
  username: string;
  medium: 'EMAIL' | 'SMS';
  to: string;
  purpose: string;
  code: string;
  message: string;
}

export function createOutbox(db: Database, clock: Clock, logger: Logger) {
  const insert = db.prepare('INSERT INTO cognito_outbox (at_ms, pool_id, username, medium, destination, purpose, code, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const all = db.prepare('SELECT * FROM cognito_outbox ORDER BY id');
  const to = db.prepare('SELECT * FROM cognito_outbox WHERE destination = ? COLLATE NOCASE ORDER BY id');
  const toMessage = (r: Record<string, unknown>): OutboxMessage => ({
    id: r.id as number, at: new Date(r.at_ms as number).toISOString(), userPoolId: r.pool_id as string, username: r.username as string,
    medium: r.medium as 'EMAIL' | 'SMS', to: r.destination as string, purpose: r.purpose as string, code: r.code as string, message: r.message as string,
  });
  return {
    send(m: Omit<OutboxMessage, 'id' | 'at'>): void {
      insert.run(clock.now().getTime(), m.userPoolId, m.username, m.medium, m.to, m.purpose, m.code, m.message);
      logger.info(`outbox: ${m.medium} to ${m.to}: ${m.message}`);
    },
    list: (filter: { to?: string } = {}): OutboxMessage[] =>
      ((filter.to ? to.all(filter.to) : all.all()) as Record<string, unknown>[]).map(toMessage),
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
