import type { CognitoServices } from '../services.js';
import { AdminAddUserToGroup } from './adminAddUserToGroup.js';
import { AdminConfirmSignUp } from './adminConfirmSignUp.js';
import { AdminCreateUser } from './adminCreateUser.js';
import { AdminDeleteUser } from './adminDeleteUser.js';
import { AdminDisableUser } from './adminDisableUser.js';
import { AdminEnableUser } from './adminEnableUser.js';
import { AdminGetUser } from './adminGetUser.js';
import { AdminListGroupsForUser } from './adminListGroupsForUser.js';
import { AdminRemoveUserFromGroup } from './adminRemoveUserFromGroup.js';
import { AdminSetUserPassword } from './adminSetUserPassword.js';
import { AdminUpdateUserAttributes } from './adminUpdateUserAttributes.js';
import { AssociateSoftwareToken } from './associateSoftwareToken.js';
import { ChangePassword } from './changePassword.js';
import { ConfirmForgotPassword } from './confirmForgotPassword.js';
import { ConfirmSignUp } from './confirmSignUp.js';
import { CreateGroup } from './createGroup.js';
import { DeleteGroup } from './deleteGroup.js';
import { DeleteUser } from './deleteUser.js';
import { DeleteUserAttributes } from './deleteUserAttributes.js';
import { DescribeUserPool } from './describeUserPool.js';
import { DescribeUserPoolClient } from './describeUserPoolClient.js';
import { ForgotPassword } from './forgotPassword.js';
import { GetGroup } from './getGroup.js';
import { GetTokensFromRefreshToken } from './getTokensFromRefreshToken.js';
import { GetUser } from './getUser.js';
import { GetUserAttributeVerificationCode } from './getUserAttributeVerificationCode.js';
import { GlobalSignOut } from './globalSignOut.js';
import { InitiateAuth } from './initiateAuth.js';
import { ListDevices } from './listDevices.js';
import { ListGroups } from './listGroups.js';
import { ListUsers } from './listUsers.js';
import { ListUsersInGroup } from './listUsersInGroup.js';
import { ResendConfirmationCode } from './resendConfirmationCode.js';
import { RespondToAuthChallenge } from './respondToAuthChallenge.js';
import { RevokeToken } from './revokeToken.js';
import { SetUserMFAPreference } from './setUserMFAPreference.js';
import { SignUp } from './signUp.js';
import { UpdateUserAttributes } from './updateUserAttributes.js';
import { VerifySoftwareToken } from './verifySoftwareToken.js';
import { VerifyUserAttribute } from './verifyUserAttribute.js';

/** Every Cognito user-pool operation Sandlot serves, keyed by its wire name. */
export const cognitoOperations = {
  AdminAddUserToGroup,
  AdminConfirmSignUp,
  AdminCreateUser,
  AdminDeleteUser,
  AdminDisableUser,
  AdminEnableUser,
  AdminGetUser,
  AdminListGroupsForUser,
  AdminRemoveUserFromGroup,
  AdminSetUserPassword,
  AdminUpdateUserAttributes,
  AssociateSoftwareToken,
  ChangePassword,
  ConfirmForgotPassword,
  ConfirmSignUp,
  CreateGroup,
  DeleteGroup,
  DeleteUser,
  DeleteUserAttributes,
  DescribeUserPool,
  DescribeUserPoolClient,
  ForgotPassword,
  GetGroup,
  GetTokensFromRefreshToken,
  GetUser,
  GetUserAttributeVerificationCode,
  GlobalSignOut,
  InitiateAuth,
  ListDevices,
  ListGroups,
  ListUsers,
  ListUsersInGroup,
  ResendConfirmationCode,
  RespondToAuthChallenge,
  RevokeToken,
  SetUserMFAPreference,
  SignUp,
  UpdateUserAttributes,
  VerifySoftwareToken,
  VerifyUserAttribute,
} as const;

export type CognitoOperationName = keyof typeof cognitoOperations;

/** Operations only an IAM principal may call (SigV4 required); everything else is Cognito's public API. */
export const isAdminOperation = (name: string): boolean =>
  name.startsWith('Admin') || ['ListUsers', 'ListUsersInGroup', 'CreateGroup', 'ListGroups', 'GetGroup', 'DeleteGroup', 'DescribeUserPool', 'DescribeUserPoolClient'].includes(name);

export const buildCognitoOperations = (services: CognitoServices) =>
  Object.fromEntries(Object.entries(cognitoOperations).map(([name, factory]) => [name, factory(services)])) as {
    [K in CognitoOperationName]: ReturnType<(typeof cognitoOperations)[K]>;
  };
