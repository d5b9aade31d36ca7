// The notes app's client, written as an app developer would: the real, unmodified aws-amplify v6,
// configured with amplify_outputs.json. Run with `node --import sandlot/register useApp.mjs <outputs>`
// so its AWS traffic reaches the local sandbox. Prints what it did.
import { readFileSync } from 'node:fs';
import { Amplify } from 'aws-amplify';
import { signUp, confirmSignUp, signIn, signOut, fetchAuthSession } from 'aws-amplify/auth';
import { generateClient } from 'aws-amplify/data';
import { uploadData, list } from 'aws-amplify/storage';

const outputs = JSON.parse(readFileSync(process.argv[2], 'utf8'));
Amplify.configure(outputs);
const say = (msg) => console.log(`  ${msg}`);
const email = `reader-${Date.now()}@example.com`;
const password = 'Reader-Passw0rd!';

const { nextStep } = await signUp({ username: email, password, options: { userAttributes: { email } } });
say(`signUp ${email}: next step ${nextStep.signUpStep}`);
const outbox = await (await fetch(`${process.env.SANDLOT_ENDPOINT}/_sandlot/outbox?to=${encodeURIComponent(email)}`)).json();
const code = outbox.messages.at(-1).code;
say(`confirmation code ${code} read from the local outbox`);
await confirmSignUp({ username: email, confirmationCode: code });
const signedIn = await signIn({ username: email, password });
say(`signIn (SRP): ${signedIn.nextStep.signInStep}`);
const session = await fetchAuthSession();
say(`session: id token for ${session.tokens?.idToken?.payload.email}, identity ${session.identityId}, AWS credentials ${session.credentials ? 'issued' : 'missing'}`);

try {
  const client = generateClient();
  const { data: notebook, errors } = await client.models.Notebook.create({ title: 'Demo notebook' });
  if (errors?.length) throw new Error(errors.map((e) => e.message).join('; '));
  await client.models.Note.create({ notebookId: notebook.id, body: 'Sandlot runs offline', priority: 'HIGH' });
  await client.models.Note.create({ notebookId: notebook.id, body: 'The real client works unchanged', priority: 'NORMAL' });
  const { data: notes } = await client.models.Note.list({ filter: { notebookId: { eq: notebook.id } } });
  say(`data: created notebook "${notebook.title}" with ${notes.length} notes: ${notes.map((n) => `"${n.body}" (${n.priority})`).join(', ')}`);
  const { data: everyone } = await client.models.Note.list();
  say(`data: this reader can read ${everyone.length} notes in total (seeded ones included)`);
} catch (err) {
  say(`data: not available in this build (${err.message ?? err})`);
}

try {
  await uploadData({ path: 'public/hello.txt', data: `Hello from ${email}` }).result;
  const { items } = await list({ path: 'public/' });
  say(`storage: uploaded public/hello.txt; public/ holds ${items.map((i) => i.path).join(', ')}`);
} catch (err) {
  say(`storage: not available in this build (${err.message ?? err})`);
}
await signOut();
say('signed out');
