import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { runAmpx, tempProject, type AmpxResult } from '../../testing/runAmpx.js';
import { openInProcessCloud, type InProcessCloud } from '../../backendState/localCloudClients.js';
import { resolveSandbox } from '../../commands/sandboxTarget.js';

/** The docs' example apps beside the clone; tests skip with this message when they are absent. */
export const EXAMPLES = resolve(import.meta.dirname, '../../../../../../shared/examples');
export const examplesSkip = existsSync(EXAMPLES) ? false : `needs the docs' example apps in /work/shared/examples (../shared/examples beside the clone: ${EXAMPLES})`;

export interface SeedProject {
  dir: string;
  env: NodeJS.ProcessEnv;
  ampx(args: string[], o?: { input?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv }): Promise<AmpxResult>;
  /** Copies `seeds/<name>.ts` of the app to `amplify/seed/seed.ts`, unchanged. */
  useSeed(name: string): void;
  /** The sandbox's cloud opened in-process (after the seed ended) with an admin Cognito client. */
  inspect<T>(fn: (o: { local: InProcessCloud; cognito: CognitoIdentityProviderClient; outputs: Record<string, any> }) => Promise<T>): Promise<T>;
}

/**
 * A copy of one of the docs' example apps in a temp dir with its own Sandlot key, the `username` /
 * `password` secrets set and (unless `deploy: false`) the sandbox applied once (`ampx sandbox --once`).
 */
export async function seedProject(app: string, secrets: { username: string; password: string }, o: { deploy?: boolean } = {}): Promise<SeedProject> {
  const p = tempProject();
  // Copies of one app share a stack name, hence a preferred port: give each its own (tests run side by side).
  p.env.SANDLOT_PORT = String(await freePort());
  cpSync(join(EXAMPLES, app), p.dir, { recursive: true });
  const ampx: SeedProject['ampx'] = (args, x = {}) => runAmpx(args, { cwd: p.dir, env: { ...p.env, ...x.env }, input: x.input, timeoutMs: x.timeoutMs ?? 60_000 });
  for (const [name, value] of Object.entries(secrets)) {
    const r = await ampx(['sandbox', 'secret', 'set', name], { input: value });
    if (r.code !== 0) throw new Error(r.stderr);
  }
  if (o.deploy !== false) {
    const r = await ampx(['sandbox', '--once']);
    if (r.code !== 0) throw new Error(r.stdout + r.stderr);
  }
  return {
    dir: p.dir,
    env: p.env,
    ampx,
    useSeed: (name) => cpSync(join(p.dir, 'seeds', `${name}.ts`), join(p.dir, 'amplify', 'seed', 'seed.ts')),
    async inspect(fn) {
      const saved = process.env.SANDLOT_CONFIG_DIR;
      process.env.SANDLOT_CONFIG_DIR = p.env.SANDLOT_CONFIG_DIR;
      const local = openInProcessCloud(resolveSandbox({}, p.dir), ['cognito', 'cloudformation', 'appsync', 's3']);
      const cognito = new CognitoIdentityProviderClient(local.clientConfig);
      try {
        return await fn({ local, cognito, outputs: JSON.parse(readFileSync(join(p.dir, 'amplify_outputs.json'), 'utf8')) });
      } finally {
        cognito.destroy();
        local.close();
        process.env.SANDLOT_CONFIG_DIR = saved;
      }
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
