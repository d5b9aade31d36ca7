import { randomUUID } from 'node:crypto';
import * as auth from 'aws-amplify/auth';
import { AdminCreateUserCommand, AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { authConfig, type AuthConfiguration } from './authConfig.js';
import { cognitoClient } from './awsClients.js';
import { answerChallenge, PROMPTS } from './challengeAnswers.js';
import { SeedUserError } from './seedError.js';
import { cognitoAttributes } from './userAttributes.js';
import type { AuthOutputs, AuthSignUp, MfaSignUpFlow } from './types.js';

/**
 * Creates a user (AdminCreateUser with a temporary password, no invitation) and takes it through the
 * first sign-in as the real package does: NEW_PASSWORD_REQUIRED → the given password, then for `MFA`
 * the MFA selection and TOTP set-up / SMS / e-mail code. Whoever was signed in is signed out first; the
 * new user stays signed in only with `signInAfterCreation: true`. A missing `signInFlow` means `Password`.
 *
 * Fast path: `Password` with `signInAfterCreation: false` ends in the same state (user CONFIRMED with
 * that password, attributes set, nobody signed in) with AdminSetUserPassword (Permanent) instead of the
 * SRP + NEW_PASSWORD_REQUIRED round trips — the same password-policy errors, a tenth of the time. The
 * user is then created without a temporary password (Cognito makes one and, with SUPPRESS, sends it
 * nowhere), so the pool hashes one password per user, not two.
 */
export async function createAndSignUpUser(newUser: AuthSignUp): Promise<AuthOutputs> {
  const signInFlow = newUser.signInFlow ?? 'Password';
  let signedIn = false;
  try {
    const config = await authConfig();
    await auth.signOut();
    if (signInFlow === 'Password' && !newUser.signInAfterCreation) {
      await adminCreateUser(config, newUser);
      await setPermanentPassword(config, newUser.username, newUser.password);
      return { signInFlow, username: newUser.username };
    }
    const tempPassword = `Test1@Temp${randomUUID()}`;
    await adminCreateUser(config, newUser, tempPassword);
    if (signInFlow === 'MFA' && (newUser as MfaSignUpFlow).mfaPreference !== 'EMAIL' && (!config.mfaConfig || config.mfaConfig === 'NONE')) {
      throw new SeedUserError('MFANotConfiguredError', {
        message: `MFA is not configured for this userpool, you cannot create ${newUser.username} with MFA.`,
        resolution: `Enable MFA for this userpool or create ${newUser.username} with a different sign up flow.`,
      });
    }
    signedIn = true;
    const afterPassword = await newPasswordSignIn(newUser.username, tempPassword, newUser.password);
    if (signInFlow === 'MFA') await mfaSignUp(config, newUser as AuthSignUp & MfaSignUpFlow, afterPassword);
    return { signInFlow, username: newUser.username };
  } finally {
    if (signedIn && !newUser.signInAfterCreation) await auth.signOut();
  }
}

/** AdminCreateUser with no invitation; without `tempPassword` Cognito generates one that is never sent (for users whose password is then set with AdminSetUserPassword). */
export async function adminCreateUser(config: AuthConfiguration, newUser: Pick<AuthSignUp, 'username' | 'userAttributes'>, tempPassword?: string): Promise<void> {
  try {
    await cognitoClient().send(
      new AdminCreateUserCommand({
        Username: newUser.username,
        TemporaryPassword: tempPassword,
        UserPoolId: config.userPoolId,
        UserAttributes: cognitoAttributes(newUser.userAttributes),
        MessageAction: 'SUPPRESS',
      }),
    );
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'UsernameExistsException') {
      throw new SeedUserError('UsernameExistsError', { message: `A user called ${newUser.username} already exists.`, resolution: 'Give this user a different name' }, err);
    }
    if (name === 'NotAuthorizedException') {
      throw new SeedUserError('NotAuthorizedError', {
        message: 'You are not authorized to create a user',
        resolution: 'Run npx ampx sandbox seed generate-policy, attach the outputted policy template to a role with AmplifyBackendDeployFullAccess, assume that role to run seed',
      }, err);
    }
    throw err;
  }
}

export async function setPermanentPassword(config: AuthConfiguration, username: string, password: string): Promise<void> {
  await cognitoClient().send(new AdminSetUserPasswordCommand({ UserPoolId: config.userPoolId, Username: username, Password: password, Permanent: true }));
}

async function newPasswordSignIn(username: string, tempPassword: string, password: string): Promise<auth.ConfirmSignInOutput> {
  const first = await auth.signIn({ username, password: tempPassword });
  if (first.nextStep.signInStep !== 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED') {
    // The real package asserts this step (node:assert), so its failure reads the same.
    const e = new Error(`Expected values to be strictly equal:\n\n'${first.nextStep.signInStep}' !== 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED'\n`);
    e.name = 'AssertionError';
    throw e;
  }
  return auth.confirmSignIn({ challengeResponse: password });
}

/** After the new password: MFA selection, then TOTP set-up or the SMS / e-mail code, then the preference. */
async function mfaSignUp(config: AuthConfiguration, user: AuthSignUp & MfaSignUpFlow, afterPassword: auth.ConfirmSignInOutput): Promise<void> {
  let step = afterPassword;
  if (step.nextStep.signInStep === 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION') {
    if (!user.mfaPreference) {
      throw new SeedUserError('NoMFAPreferenceSpecifiedError', {
        message: `If multiple forms of MFA are enabled for a userpool, you must specify which form you intend to use for ${user.username}`,
        resolution: `Specify a form of MFA for the user, ${user.username}, to use with the mfaPreference property`,
      });
    }
    if (!step.nextStep.allowedMFATypes?.includes(user.mfaPreference)) {
      throw new SeedUserError('MFAPreferenceNotAvailableError', {
        message: `${user.mfaPreference} is not available for this userpool`,
        resolution: `Activate ${user.mfaPreference} for this userpool or sign in ${user.username} with a different form of MFA`,
      });
    }
    step = await auth.confirmSignIn({ challengeResponse: user.mfaPreference });
  }
  // Newer Cognito offers a choice of set-up (TOTP or e-mail) when the user has neither yet.
  if (step.nextStep.signInStep === 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION' && user.mfaPreference && user.mfaPreference !== 'SMS') {
    step = await auth.confirmSignIn({ challengeResponse: user.mfaPreference });
  }
  switch (step.nextStep.signInStep) {
    case 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP': {
      if (!user.totpSignUpChallenge) {
        throw new SeedUserError('MissingTOTPChallengeError', {
          message: 'MFA sign up flow with TOTP cannot be used without a totpSignUpChallenge',
          resolution: `Add a totpSignupChallenge when signing up ${user.username}`,
        });
      }
      const { challengeResponse } = await user.totpSignUpChallenge(step.nextStep.totpSetupDetails);
      await auth.confirmSignIn({ challengeResponse });
      await auth.updateMFAPreference({ totp: 'PREFERRED' });
      return;
    }
    case 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP': {
      // The user has no e-mail yet: Cognito asks for one, then sends a code to it.
      const email = user.userAttributes?.email ?? (user.username.includes('@') ? user.username : undefined);
      if (!email) throw new SeedUserError('MissingEmailError', { message: `${user.username} has no e-mail address for EMAIL MFA`, resolution: 'Pass userAttributes.email when creating this user.' });
      step = await auth.confirmSignIn({ challengeResponse: email });
      return codeStep(config, user, step, 'EMAIL');
    }
    case 'CONFIRM_SIGN_IN_WITH_SMS_CODE':
      return codeStep(config, user, step, 'SMS');
    case 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE':
      return codeStep(config, user, step, 'EMAIL');
    default:
      return;
  }
}

async function codeStep(config: AuthConfiguration, user: AuthSignUp & MfaSignUpFlow, step: auth.ConfirmSignInOutput, medium: 'SMS' | 'EMAIL'): Promise<void> {
  if (step.nextStep.signInStep !== (medium === 'SMS' ? 'CONFIRM_SIGN_IN_WITH_SMS_CODE' : 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE')) return;
  const code = await answerChallenge({
    medium,
    message: PROMPTS.signUp[medium](user.username),
    username: user.username,
    userPoolId: config.userPoolId,
    callback: medium === 'SMS' ? user.smsSignUpChallenge : user.emailSignUpChallenge,
  });
  await auth.confirmSignIn({ challengeResponse: code });
  await auth.updateMFAPreference(medium === 'SMS' ? { sms: 'PREFERRED' } : { email: 'PREFERRED' });
}
