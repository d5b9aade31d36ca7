import type { AttributeType } from '@aws-sdk/client-cognito-identity-provider';
import type { StandardUserAttributes } from './types.js';

/** `StandardUserAttributes` → Cognito attribute names, undefined dropped, `sub` ignored (as the real package). */
const NAMES: Record<Exclude<keyof StandardUserAttributes, 'sub'>, string> = {
  address: 'address',
  birthdate: 'birthdate',
  email: 'email',
  familyName: 'family_name',
  gender: 'gender',
  givenName: 'given_name',
  locale: 'locale',
  middleName: 'middle_name',
  name: 'name',
  nickname: 'nickname',
  phoneNumber: 'phone_number',
  picture: 'picture',
  preferredUsername: 'preferred_username',
  profile: 'profile',
  zoneinfo: 'zoneinfo',
  updatedAt: 'updated_at',
  website: 'website',
};

export function cognitoAttributes(attrs: StandardUserAttributes | undefined): AttributeType[] {
  if (!attrs) return [];
  return Object.entries(NAMES)
    .map(([key, Name]) => ({ Name, Value: attrs[key as keyof typeof NAMES] }))
    .filter((a) => a.Value !== undefined);
}
