import { Amplify } from 'aws-amplify';
import { answerChallenge, type CodeMedium } from './challengeAnswers.js';

/**
 * Stands in for `@aws-amplify/cli-core`'s `AmplifyPrompter` inside the PUBLISHED `@aws-amplify/seed`
 * (its `mfa_flow.js` imports nothing else from cli-core), so the published package's code prompts get
 * what Sandlot's own library gets: the local outbox with auto-confirm, one stdin line in a pipe, the
 * same hidden prompt on a terminal. `ampx sandbox seed` redirects that one import here.
 */
export class AmplifyPrompter {
  static secretValue = async (message = 'Enter secret value'): Promise<string> => {
    const { medium, username } = readPrompt(message);
    const userPoolId = Amplify.getConfig().Auth?.Cognito?.userPoolId ?? '';
    return answerChallenge({ medium, message, username, userPoolId });
  };
}

/** The published package's five prompt texts name the medium and the user; anything else is typed in. */
function readPrompt(message: string): { medium: CodeMedium; username: string } {
  const m = /^Please input (?:the (SMS) one-time password|one-time password from (SMS|EMAIL)|the one-time password from your TOTP App) for (.+):$/.exec(message);
  if (!m) return { medium: 'TOTP', username: '' };
  return { medium: (m[1] ?? m[2] ?? 'TOTP') as CodeMedium, username: m[3]! };
}
