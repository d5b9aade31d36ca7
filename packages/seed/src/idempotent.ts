import { createAndSignUpUser } from './createUser.js';
import { signInUser } from './signIn.js';
import type { AuthOutputs, AuthSignUp, AuthUser } from './types.js';

/**
 * The docs' "User Management Between Multiple Runs of Seed" pattern as one call: creates the user, or —
 * when it already exists (`UsernameExistsError`) — signs it in instead if `signInAfterCreation` asks for
 * a signed-in user. `created` tells which happened. Safe to run on every seed.
 */
export async function createOrSignInUser(newUser: AuthSignUp): Promise<AuthOutputs & { created: boolean }> {
  try {
    return { ...(await createAndSignUpUser(newUser)), created: true };
  } catch (err) {
    if ((err as Error).name !== 'UsernameExistsError') throw err;
    const signInFlow = newUser.signInFlow ?? 'Password';
    if (newUser.signInAfterCreation) {
      const user = signInFlow === 'MFA'
        ? ({ username: newUser.username, password: newUser.password, signInFlow: 'MFA' } as AuthUser)
        : ({ username: newUser.username, password: newUser.password, signInFlow: 'Password' } as AuthUser);
      await signInUser(user);
    }
    return { signInFlow, username: newUser.username, created: false };
  }
}
