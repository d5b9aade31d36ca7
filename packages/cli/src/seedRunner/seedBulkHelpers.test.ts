import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ListUsersInGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { examplesSkip, seedProject } from './testing/seedProject.js';

// A seed script of the docs-app that uses Sandlot's bulk extras, run by `ampx sandbox seed` (the bundled library,
// the script's own aws-amplify): users in bulk into the admin group, then many todos in few requests as one of them.
const SCRIPT = `
import { readFile } from "node:fs/promises";
import { addUsersToGroup, createAndSignUpUsers, createItems, signInUser } from "@aws-amplify/seed";
import { Amplify } from "aws-amplify";
import { signOut } from "aws-amplify/auth";
import { generateClient } from "aws-amplify/api";
import type { Schema } from "../data/resource";
Amplify.configure(JSON.parse(await readFile(new URL("../../amplify_outputs.json", import.meta.url), "utf8")));
const users = Array.from({ length: 20 }, (_, i) => ({ username: "bulk" + i + "@example.com", password: "Passw0rd!x", signInFlow: "Password" as const, signInAfterCreation: false }));
await createAndSignUpUsers(users);
await addUsersToGroup(users, "admin");
await signInUser({ username: users[3].username, password: "Passw0rd!x", signInFlow: "Password" });
const client = generateClient<Schema>();
const created = await createItems(client, "Todo", Array.from({ length: 250 }, (_, i) => ({ content: "todo " + i, isDone: i % 2 === 0 })));
let listed = 0;
let nextToken: string | null | undefined;
do {
  const page = await client.models.Todo.list({ limit: 1000, nextToken });
  if (page.errors?.length) throw page.errors;
  listed += page.data.length;
  nextToken = page.nextToken;
} while (nextToken);
console.log("CREATED " + created.length + " " + created[249].content + " " + created[249].isDone + " LISTED " + listed);
await signOut();
`;

test('ampx sandbox seed: bulk users into a group and createItems (todos in few requests) in a docs-app seed script', { skip: examplesSkip, timeout: 180_000 }, async () => {
  const p = await seedProject('docs-app', { username: 'ada@example.com', password: 'Passw0rd!x' });
  writeFileSync(join(p.dir, 'amplify', 'seed', 'seed.ts'), SCRIPT);
  const r = await p.ampx(['sandbox', 'seed'], { timeoutMs: 120_000 });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /CREATED 250 todo 249 false LISTED 250\n/);
  const members = await p.inspect(async ({ cognito, outputs }) => (await cognito.send(new ListUsersInGroupCommand({ UserPoolId: outputs.auth.user_pool_id, GroupName: 'admin', Limit: 60 }))).Users ?? []);
  assert.equal(members.filter((u) => u.Username !== undefined && u.UserStatus === 'CONFIRMED').length, 20);
});
