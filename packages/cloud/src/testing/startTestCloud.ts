import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createCloud, type Cloud, type CloudOptions } from '../createCloud.js';
import type { RunningServer } from '../http/nodeServer.js';

export interface TestCloud {
  cloud: Cloud;
  server: RunningServer;
  /** `http://127.0.0.1:<port>` */
  url: string;
  dir: string;
  /** Root keys of the local account, for SDK clients. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  close(): Promise<void>;
}

/**
 * A real local cloud on a free loopback port with a throw-away database and key: what every
 * service test drives with the real AWS SDK / aws-amplify clients. Never mocks a service.
 */
export async function startTestCloud(options: Partial<CloudOptions> = {}): Promise<TestCloud> {
  const dir = mkdtempSync(join(tmpdir(), 'sandlot-test-'));
  const cloud = createCloud({ databaseFile: join(dir, 'sandbox.db'), masterKey: randomBytes(32), ...options });
  const server = await cloud.listen(0);
  return {
    cloud,
    server,
    url: server.url,
    dir,
    credentials: cloud.services.rootCredentials,
    async close() {
      await server.close();
      cloud.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
