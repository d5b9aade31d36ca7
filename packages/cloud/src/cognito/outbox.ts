import type { Database } from '../store/database.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { SealedBox } from '../crypto/sealedBox.js';

/**
 * The local stand-in for SES and SNS: every e-mail / SMS a user pool would send (sign-up codes, MFA
 * codes, reset codes, attribute verification) lands here, in SQLite, and in the log at info level.
 * Listed by `GET /_sandlot/outbox[?to=<address>]` and by `listOutbox`. Code and text are sealed at rest
 * (an invitation carries a temporary password), and an invitation's password never reaches the log.
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

export function createOutbox(db: Database, clock: Clock, logger: Logger, box: SealedBox) {
  const insert = db.prepare('INSERT INTO cognito_outbox (at_ms, pool_id, username, medium, destination, purpose, code, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const all = db.prepare('SELECT * FROM cognito_outbox ORDER BY id');
  const to = db.prepare('SELECT * FROM cognito_outbox WHERE destination = ? COLLATE NOCASE ORDER BY id');
  const toMessage = (r: Record<string, unknown>): OutboxMessage => ({
    id: r.id as number, at: new Date(r.at_ms as number).toISOString(), userPoolId: r.pool_id as string, username: r.username as string,
    medium: r.medium as 'EMAIL' | 'SMS', to: r.destination as string, purpose: r.purpose as string, code: box.open(r.code as Buffer, 'cognito-outbox'), message: box.open(r.message as Buffer, 'cognito-outbox'),
  });
  return {
    send(m: Omit<OutboxMessage, 'id' | 'at'>): void {
      insert.run(clock.now().getTime(), m.userPoolId, m.username, m.medium, m.to, m.purpose, box.seal(m.code, 'cognito-outbox'), box.seal(m.message, 'cognito-outbox'));
      const text = m.purpose === 'invitation' ? m.message.replaceAll(m.code, '<see GET /_sandlot/outbox>') : m.message;
      logger.info(`outbox: ${m.medium} to ${m.to}: ${text}`);
    },
    list: (filter: { to?: string } = {}): OutboxMessage[] =>
      ((filter.to ? to.all(filter.to) : all.all()) as Record<string, unknown>[]).map(toMessage),
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
