import { Amplify } from 'aws-amplify';
import { generateModelIntrospection } from '@sandlot/codegen';
import type { TestCloud } from '../../testing/startTestCloud.js';
import { applyDataConfig } from '../apply.js';
import type { DataConfig } from '../config.js';

/** Test fixtures: apply a schema to a test cloud and point the real aws-amplify client at it (wire-spec §1.3 A). */
export const API_KEY = 'da2-sandlottestapikey000000';

export function applySchema(t: TestCloud, schemaSdl: string, modes: Partial<DataConfig['authorizationModes']> = {}): DataConfig {
  const config: DataConfig = {
    apiId: 'sandlottestapi',
    apiName: 'amplifyData',
    schemaSdl,
    authorizationModes: { default: 'apiKey', apiKey: { key: API_KEY, expiresAt: new Date(Date.now() + 7 * 86_400_000) }, ...modes },
  };
  applyDataConfig(t.cloud.services, config);
  return config;
}

export function configureAmplify(t: TestCloud, schemaSdl: string, defaultAuthMode: 'apiKey' | 'userPool' | 'iam' = 'apiKey', auth?: object): void {
  Amplify.configure({
    ...(auth ? { Auth: auth } : {}),
    API: { GraphQL: { endpoint: `${t.url}/graphql`, region: 'us-east-1', defaultAuthMode, apiKey: API_KEY, modelIntrospection: generateModelIntrospection({ modelSchema: schemaSdl }) as never } },
  } as never);
}

/** A raw GraphQL POST (what the client sends), for shapes the typed client hides. */
export async function postGraphql(t: TestCloud, body: unknown, headers: Record<string, string> = { 'x-api-key': API_KEY }): Promise<{ status: number; headers: Headers; json: any }> {
  const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json; charset=UTF-8', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, headers: res.headers, json };
}
