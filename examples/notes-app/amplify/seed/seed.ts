// Seeds the notes app: an admin (from the sandbox secrets), two writers, notebooks and notes.
import type { Schema } from '../data/resource';
import { readFile } from 'node:fs/promises';
import { addToUserGroup, createAndSignUpUser, getSecret, signInUser } from '@aws-amplify/seed';
import { Amplify } from 'aws-amplify';
import * as auth from 'aws-amplify/auth';
import { generateClient } from 'aws-amplify/api';

const outputs = JSON.parse(await readFile(new URL('../../amplify_outputs.json', import.meta.url), 'utf8'));
Amplify.configure(outputs);
const client = generateClient<Schema>();

const adminName = await getSecret('username');
const adminPassword = await getSecret('password');
const admin = await createAndSignUpUser({ username: adminName, password: adminPassword, signInFlow: 'Password', signInAfterCreation: false });
await addToUserGroup(admin, 'admin');

for (const name of ['ada', 'grace']) {
  const username = `${name}@example.com`;
  await createAndSignUpUser({ username, password: adminPassword, signInFlow: 'Password', signInAfterCreation: true, userAttributes: { preferredUsername: name } });
  const { data: notebook, errors } = await client.models.Notebook.create({ title: `${name}'s notebook` });
  if (errors?.length || !notebook) throw new Error(JSON.stringify(errors));
  for (const [i, body] of ['Buy milk', 'Write the report', 'Call the plumber'].entries()) {
    const r = await client.models.Note.create({ notebookId: notebook.id, body: `${body} (${name})`, priority: i === 1 ? 'HIGH' : 'NORMAL' });
    if (r.errors?.length) throw new Error(JSON.stringify(r.errors));
  }
  await auth.signOut();
}

await signInUser({ username: adminName, password: adminPassword, signInFlow: 'Password' });
await client.models.Announcement.create({ text: 'Welcome to the notes app!' });
await auth.signOut();
console.log('Seeded: 1 admin, 2 writers, 2 notebooks, 6 notes, 1 announcement');
