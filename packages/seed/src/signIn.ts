import * as auth from 'aws-amplify/auth';
import { authConfig } from './authConfig.js';
import { answerChallenge, PROMPTS } from './challengeAnswers.js';
import { SeedUserError } from './seedError.js';
import type { AuthUser } from './types.js';

/**
 * Signs a user in through the script's own `aws-amplify` (SRP, as the real package), signing out
 * whoever was signed in first: one user at a time. `Password` returns whether sign-in is DONE; `MFA`
 * answers the TOTP / SMS / e-mail code (callback, outbox or prompt) and fails with
 * `CannotSignInWithMFAError` when no code was asked for. A missing `signInFlow` means `Password`.
 */
export async function signInUser(user: AuthUser): Promise<boolean> {
  await auth.signOut();
  const result = await passwordSignIn(user.username, user.password);
  if ((user.signInFlow ?? 'Password') === 'Password') return result.nextStep.signInStep === 'DONE';

  const step = result.nextStep.signInStep;
  const medium = step === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' ? 'TOTP' : step === 'CONFIRM_SIGN_IN_WITH_SMS_CODE' ? 'SMS' : step === 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE' ? 'EMAIL' : undefined;
  if (!medium) {
    throw new SeedUserError('CannotSignInWithMFAError', { message: `${user.username} cannot be signed in with MFA`, resolution: `Ensure that ${user.username} exists and that MFA is set to REQUIRED.` });
  }
  const { userPoolId } = await authConfig();
  const code = await answerChallenge({
    medium,
    message: PROMPTS.signIn[medium](user.username),
    username: user.username,
    userPoolId,
    callback: user.signInFlow === 'MFA' ? user.signInChallenge : undefined,
  });
  const confirmed = await auth.confirmSignIn({ challengeResponse: code });
  return confirmed.nextStep.signInStep === 'DONE';
}

/** `signIn`, with the real package's (misnamed) `UserExistsError` for an unknown user. */
export async function passwordSignIn(username: string, password: string): Promise<auth.SignInOutput> {
  try {
    return await auth.signIn({ username, password });
  } catch (err) {
    if ((err as Error).name === 'UserNotFoundException') {
      throw new SeedUserError('UserExistsError', { message: `${username} does not exist`, resolution: `Create a user called ${username}` }, err);
    }
    throw err;
  }
}
