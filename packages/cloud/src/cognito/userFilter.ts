import type { StoredUser } from './store.js';
import { InvalidParameterException } from './errors.js';

/**
 * ListUsers' `Filter`: `attr = "value"` (exact) or `attr ^= "value"` (prefix) on the attributes
 * Cognito allows (username, email, phone_number, name, given_name, family_name, preferred_username,
 * cognito:user_status, status, sub). An empty filter matches everything.
 */
const FILTERABLE = new Set(['username', 'email', 'phone_number', 'name', 'given_name', 'family_name', 'preferred_username', 'cognito:user_status', 'status', 'sub']);

export function parseUserFilter(filter: string | undefined): (u: StoredUser) => boolean {
  if (!filter || !filter.trim()) return () => true;
  const m = /^\s*([\w:]+)\s*(=|\^=)\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(filter);
  if (!m) throw new InvalidParameterException('Error while parsing filter.');
  const [, attr, op, raw] = m as unknown as [string, string, string, string];
  if (!FILTERABLE.has(attr)) throw new InvalidParameterException('Invalid search attribute');
  const value = raw.replace(/\\(.)/g, '$1');
  const read = (u: StoredUser): string | undefined =>
    attr === 'username' ? u.username : attr === 'cognito:user_status' ? u.status : attr === 'status' ? (u.enabled ? 'Enabled' : 'Disabled') : attr === 'sub' ? u.sub : u.attributes[attr];
  return (u) => {
    const v = read(u);
    if (v === undefined) return false;
    return op === '=' ? v === value : v.toLowerCase().startsWith(value.toLowerCase());
  };
}
