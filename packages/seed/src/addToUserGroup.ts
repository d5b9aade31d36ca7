import { AdminAddUserToGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { authConfig } from './authConfig.js';
import { cognitoClient } from './awsClients.js';
import { SeedUserError } from './seedError.js';
import type { AuthUserGroupInput } from './types.js';

/** Adds a user to one of the groups the backend defines (AdminAddUserToGroup), with the real errors. */
export async function addToUserGroup(user: AuthUserGroupInput, group: string): Promise<void> {
  const config = await authConfig();
  if (!config.groups) {
    throw new SeedUserError('NoGroupsError', { message: 'There are no groups in this userpool.', resolution: `Create a group called ${group}.` });
  }
  if (!config.groups.includes(group)) {
    throw new SeedUserError('NoGroupError', {
      message: `There is no group called ${group} in this userpool.`,
      resolution: `Either create a group called ${group} or assign this user to a group that exists on this userpool.`,
    });
  }
  try {
    await cognitoClient().send(new AdminAddUserToGroupCommand({ UserPoolId: config.userPoolId, Username: user.username, GroupName: group }));
  } catch (err) {
    if ((err as Error).name === 'UserNotFoundException') {
      throw new SeedUserError('UserNotFoundError', { message: `The user, ${user.username}, does not exist`, resolution: `Create a user called ${user.username} or try again with a different user` }, err);
    }
    throw err;
  }
}
