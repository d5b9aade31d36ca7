import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient } from './awsClients.js';
import type { ChallengeResponse } from './types.js';
import { SeedUserError } from './seedError.js';

/**
 * Where a one-time code comes from when the script gives no callback: the hidden terminal prompt of the
 * real package (its exact texts), or — with auto-confirm (`ampx sandbox seed --auto-confirm`, the default
 * when stdin is not a terminal: env `SANDLOT_SEED_AUTO_CONFIRM=1`) — the local outbox, where the sandbox's
 * user pool delivered the e-mail / SMS. TOTP codes come from the user's authenticator: always prompted.
 */
export type CodeMedium = 'EMAIL' | 'SMS' | 'TOTP';

export const PROMPTS = {
  signUp: {
    SMS: (u: string) => `Please input the SMS one-time password for ${u}:`,
    EMAIL: (u: string) => `Please input one-time password from EMAIL for ${u}:`,
  },
  signIn: {
    TOTP: (u: string) => `Please input the one-time password from your TOTP App for ${u}:`,
    SMS: (u: string) => `Please input one-time password from SMS for ${u}:`,
    EMAIL: (u: string) => `Please input one-time password from EMAIL for ${u}:`,
  },
} as const;

export const autoConfirmEnabled = (): boolean => process.env.SANDLOT_SEED_AUTO_CONFIRM === '1';

export async function answerChallenge(o: {
  medium: CodeMedium;
  message: string;
  username: string;
  userPoolId: string;
  callback?: () => Promise<ChallengeResponse>;
}): Promise<string> {
  if (o.callback) return (await o.callback()).challengeResponse;
  if (o.medium !== 'TOTP' && autoConfirmEnabled()) return codeFromOutbox(o.userPoolId, o.username, o.medium);
  if (!process.stdin.isTTY) return readPipedLine(o.message);
  const { password } = await import('@inquirer/prompts');
  return password({ message: o.message, validate: (v: string) => (v.length ? true : 'Cannot be empty') });
}

/** Without a terminal (a pipe, CI): the prompt's text, then one line of stdin; stdin at its end is an error, never a hang. */
async function readPipedLine(message: string): Promise<string> {
  process.stdout.write(`${message}\n`);
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, terminal: false });
  try {
    for await (const line of rl) if (line.trim()) return line.trim();
  } finally {
    rl.close();
  }
  throw new SeedUserError('ChallengeNotAnsweredError', {
    message: `${message} — no answer: stdin ended and there is no terminal to type it in.`,
    resolution: 'Pipe the code to stdin, pass a challenge callback in the seed script, or let ampx sandbox seed answer e-mail / SMS codes from the local outbox (--auto-confirm).',
  });
}

interface OutboxMessage {
  id: number;
  userPoolId: string;
  username: string;
  medium: 'EMAIL' | 'SMS';
  purpose: string;
  code: string;
}

/** The newest MFA code the local user pool sent this user (`GET /_sandlot/outbox` of the local cloud). */
async function codeFromOutbox(userPoolId: string, username: string, medium: 'EMAIL' | 'SMS'): Promise<string> {
  const endpoint = process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER ?? process.env.AWS_ENDPOINT_URL;
  if (!endpoint) {
    throw new SeedUserError('AutoConfirmUnavailableError', { message: `Cannot read the ${medium} code for ${username}: no local cloud endpoint (AWS_ENDPOINT_URL) is set.`, resolution: 'Run the script with ampx sandbox seed, or answer the code with a challenge callback.' });
  }
  // The pool may store the user under another name (e-mail sign-in keeps a generated username).
  const user = await cognitoClient().send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
  const res = await fetch(new URL('/_sandlot/outbox', endpoint));
  const { messages } = (await res.json()) as { messages: OutboxMessage[] };
  const mine = messages.filter((m) => m.userPoolId === userPoolId && m.username === user.Username && m.medium === medium && m.purpose === 'mfa');
  const last = mine.at(-1);
  if (!last) {
    throw new SeedUserError('AutoConfirmUnavailableError', { message: `No ${medium} code for ${username} in the local outbox.`, resolution: 'Answer the code with a challenge callback, or run with --no-auto-confirm in a terminal to type it.' });
  }
  return last.code;
}
