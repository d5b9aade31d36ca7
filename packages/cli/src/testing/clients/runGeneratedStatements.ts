// Runs the statements `ampx generate graphql-client-code` wrote (queries.ts / mutations.ts) with the real
// aws-amplify `client.graphql(...)` against the sandbox, as a signed-in user.
// Args: <outputs.json> <generated dir> <email>. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { Amplify } from 'aws-amplify';
import { signUp, confirmSignUp, signIn } from 'aws-amplify/auth';
import { generateClient } from 'aws-amplify/api';

const [outputsFile, dir, email] = process.argv.slice(2) as [string, string, string];
Amplify.configure(JSON.parse(readFileSync(outputsFile, 'utf8')));
const password = 'Passw0rd!gen';
await signUp({ username: email, password, options: { userAttributes: { email } } });
const outbox = await (await fetch(`${process.env.SANDLOT_ENDPOINT}/_sandlot/outbox?to=${encodeURIComponent(email)}`)).json();
await confirmSignUp({ username: email, confirmationCode: outbox.messages.at(-1).code });
await signIn({ username: email, password });
const mutations = await import(pathToFileURL(join(dir, 'mutations.ts')).href);
const queries = await import(pathToFileURL(join(dir, 'queries.ts')).href);
const client = generateClient();
const created = (await client.graphql({ query: mutations.createTodo, variables: { input: { content: 'from generated code', isDone: false } } })) as { data: { createTodo: { id: string; content: string } } };
const got = (await client.graphql({ query: queries.getTodo, variables: { id: created.data.createTodo.id } })) as { data: { getTodo: { content: string } } };
const listed = (await client.graphql({ query: queries.listTodos })) as { data: { listTodos: { items: { id: string }[] } } };
console.log(JSON.stringify({ created: created.data.createTodo.content, got: got.data.getTodo.content, listed: listed.data.listTodos.items.length }));
