import type { GroupType, UserType } from '@aws-sdk/client-cognito-identity-provider';
import type { StoredGroup, StoredUser } from './store.js';
import { toAttributeList } from './attributes.js';

/** Stored records → the SDK's wire shapes. */
export const toUserType = (u: StoredUser): UserType => ({
  Username: u.username,
  Attributes: toAttributeList(u.attributes),
  UserCreateDate: u.created,
  UserLastModifiedDate: u.modified,
  Enabled: u.enabled,
  UserStatus: u.status,
  ...(u.mfa.enabled.length ? { MFAOptions: [] } : {}),
});

export const toGroupType = (g: StoredGroup): GroupType => ({
  GroupName: g.name,
  UserPoolId: g.poolId,
  ...(g.description !== undefined ? { Description: g.description } : {}),
  ...(g.precedence !== undefined ? { Precedence: g.precedence } : {}),
  ...(g.roleArn !== undefined ? { RoleArn: g.roleArn } : {}),
  CreationDate: g.created,
  LastModifiedDate: g.modified,
});
