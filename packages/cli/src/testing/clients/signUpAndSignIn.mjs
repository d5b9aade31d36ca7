// A user of the real aws-amplify v6, unmodified: configured with the sandbox's amplify_outputs.json,
// reached through `--import sandlot/register`. Args: <outputs.json> <email> <password>
// Prints one JSON line of what happened.
import { readFileSync } from 'node:fs';
import { Amplify } from 'aws-amplify';
import { signUp, confirmSignUp, signIn, fetchAuthSession, fetchUserAttributes, signOut } from 'aws-amplify/auth';

const [outputsFile, email, password] = process.argv.slice(2);
const outputs = JSON.parse(readFileSync(outputsFile, 'utf8'));
Amplify.configure(outputs);
const endpoint = process.env.SANDLOT_ENDPOINT;
const codeFor = async (to) => {
  const res = await fetch(`${endpoint}/_sandlot/outbox?to=${encodeURIComponent(to)}`);
  const messages = await res.json();
  const last = (Array.isArray(messages) ? messages : messages.messages).at(-1);
  return /\b(\d{6})\b/.exec(last.code ?? last.body ?? last.message)[1];
};
const result = {};
const up = await signUp({ username: email, password, options: { userAttributes: { email } } });
result.signUpStep = up.nextStep.signUpStep;
await confirmSignUp({ username: email, confirmationCode: await codeFor(email) });
const inn = await signIn({ username: email, password });
result.signInStep = inn.nextStep.signInStep;
const session = await fetchAuthSession();
result.hasIdToken = Boolean(session.tokens?.idToken);
result.groups = session.tokens?.accessToken.payload['cognito:groups'] ?? [];
result.identityId = session.identityId;
result.hasCredentials = Boolean(session.credentials?.accessKeyId);
result.email = (await fetchUserAttributes()).email;
await signOut();
console.log(JSON.stringify(result));
