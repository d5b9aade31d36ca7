/**
 * Sandlot's `@aws-amplify/seed`: what `import … from '@aws-amplify/seed'` resolves to in a seed script run
 * by `ampx sandbox seed`. Same exports, types, flows and error names as `@aws-amplify/seed@1.1.4`, against
 * the local sandbox: admin calls and secrets with ordinary SDK clients configured from the environment
 * (`AWS_ENDPOINT_URL`, `AWS_REGION`, credentials), sign-ins through the script's own `aws-amplify`, the
 * auth configuration read from the sandbox's stack (CloudFormation), not from amplify_outputs.json.
 *
 * LIMITATIONS (differences from the published package): configuration is read on the first auth call,
 * not at import (importing it for `getSecret` alone never crashes); a missing `signInFlow` means
 * `Password`; EMAIL / SMS codes can be read from the local outbox (auto-confirm); an empty group list
 * gives `NoGroupsError`; `Password` users created with `signInAfterCreation: false` skip the sign-in round
 * trips and the temporary password (AdminCreateUser without one, then AdminSetUserPassword: same end state).
 * Extras (not in the published package): `createOrSignInUser`, `createAndSignUpUsers`, `addUsersToGroup`,
 * `mapConcurrently`, `createItems`.
 */
export { getSecret, setSecret } from './secrets.js';
export { createAndSignUpUser } from './createUser.js';
export { signInUser } from './signIn.js';
export { addToUserGroup } from './addToUserGroup.js';
export { createOrSignInUser } from './idempotent.js';
export { createAndSignUpUsers, addUsersToGroup, mapConcurrently, type BulkOptions } from './batch.js';
export { createItems, type CreateItemsOptions, type CreateItemInput, type CreatedItem, type DataClient } from './createItems.js';
export { SeedUserError } from './seedError.js';
export type {
  AuthOutputs,
  AuthSignUp,
  AuthUser,
  AuthUserGroupInput,
  ChallengeResponse,
  MfaSignInFlow,
  MfaSignUpFlow,
  MfaWithTotpSignUpFlow,
  PasswordSignInFlow,
  StandardUserAttributes,
} from './types.js';
