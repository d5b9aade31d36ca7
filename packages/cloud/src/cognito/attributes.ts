import type { AttributeType } from '@aws-sdk/client-cognito-identity-provider';
import type { ResolvedPoolConfig } from './config.js';
import { InvalidParameterException } from './errors.js';

/** Cognito's standard user attributes (the ones a pool accepts without declaring them). */
export const STANDARD_ATTRIBUTES = new Set([
  'address', 'birthdate', 'email', 'email_verified', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name', 'nickname',
  'phone_number', 'phone_number_verified', 'picture', 'preferred_username', 'profile', 'zoneinfo', 'updated_at', 'website',
]);

/** `[{Name, Value}]` → map, refusing names the pool's schema does not have and `sub`. */
export function readAttributes(pool: ResolvedPoolConfig, list: AttributeType[] | undefined, field = 'userAttributes'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of list ?? []) {
    if (!a?.Name) throw new InvalidParameterException(`1 validation error detected: Value at '${field}.member.name' failed to satisfy constraint: Member must not be null`);
    if (a.Name === 'sub') throw new InvalidParameterException(`Cannot modify an already provided sub`);
    if (!STANDARD_ATTRIBUTES.has(a.Name) && !pool.customAttributes.includes(a.Name)) {
      throw new InvalidParameterException(`Attributes did not conform to the schema: ${a.Name}: Attribute does not exist in the schema.\n`);
    }
    if (a.Name === 'email' && a.Value && !/^[^@\s]+@[^@\s]+$/.test(a.Value)) throw new InvalidParameterException('Invalid email address format.');
    if (a.Name === 'phone_number' && a.Value && !/^\+[0-9]{4,15}$/.test(a.Value)) throw new InvalidParameterException('Invalid phone number format.');
    out[a.Name] = a.Value ?? '';
  }
  return out;
}

export function assertRequiredAttributes(pool: ResolvedPoolConfig, attributes: Record<string, string>): void {
  const missing = pool.requiredAttributes.filter((n) => !attributes[n]);
  if (missing.length) {
    throw new InvalidParameterException(`Attributes did not conform to the schema: ${missing.map((n) => `${n}: The attribute ${n} is required`).join(', ')}`);
  }
}

export const toAttributeList = (attributes: Record<string, string>): AttributeType[] =>
  Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));

/** `a***@e***` / `+*******1234`, as Cognito masks CodeDeliveryDetails.Destination. */
export function maskDestination(medium: 'EMAIL' | 'SMS', to: string): string {
  if (medium === 'SMS') return '+' + '*'.repeat(Math.max(0, to.length - 5)) + to.slice(-4);
  const [local = '', domain = ''] = to.split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}
