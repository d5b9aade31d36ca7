import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSchema, isEnumType, isInputObjectType, isObjectType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { transformModelSchema } from '@sandlot/codegen';
import { buildApi } from './buildApi.js';
import { docsAppSchema, richSchema, sdlOf } from '../testing/schemas.js';

/**
 * Fidelity: the schema the local AppSync serves equals, type by type, field by field (argument and return
 * types, `@aws_*` auth directives), what the real Amplify GraphQL transformer (`@aws-amplify/graphql-transformer`,
 * run by the codegen package exactly as `AmplifyGraphqlApi` runs it) deploys to AppSync for the same schema.
 */
const AWS_DECLS = `directive @aws_api_key on OBJECT | FIELD_DEFINITION
directive @aws_iam on OBJECT | FIELD_DEFINITION
directive @aws_cognito_user_pools(cognito_groups: [String]) on OBJECT | FIELD_DEFINITION
directive @aws_subscribe(mutations: [String]) on FIELD_DEFINITION
${['AWSDate', 'AWSTime', 'AWSDateTime', 'AWSTimestamp', 'AWSEmail', 'AWSJSON', 'AWSURL', 'AWSPhone', 'AWSIPAddress'].map((s) => `scalar ${s}`).join('\n')}
`;

const authDirectives = (node: { directives?: readonly { name: { value: string } }[] } | null | undefined) =>
  (node?.directives ?? []).map((d) => d.name.value).filter((n) => n.startsWith('aws_') && n !== 'aws_subscribe').sort().join(' ');

function differences(real: GraphQLSchema, ours: GraphQLSchema): string[] {
  const out: string[] = [];
  const shape = (t: GraphQLNamedType): Record<string, string> => {
    if (isObjectType(t) || isInputObjectType(t)) {
      return Object.fromEntries(Object.values(t.getFields()).map((f) => {
        const args = 'args' in f ? `(${f.args.map((a: { name: string; type: unknown }) => `${a.name}: ${String(a.type)}`).sort().join(', ')})` : '';
        const dirs = isObjectType(t) ? ` ${authDirectives(f.astNode) || authDirectives(t.astNode)}` : '';
        return [f.name, `${f.type}${args}${dirs}`];
      }));
    }
    return isEnumType(t) ? Object.fromEntries(t.getValues().map((v) => [v.name, ''])) : {};
  };
  for (const t of Object.values(real.getTypeMap())) {
    if (t.name.startsWith('__') || t.name.startsWith('AmplifyAI')) continue;
    const mine = ours.getType(t.name);
    if (!mine) {
      out.push(`missing type ${t.name}`);
      continue;
    }
    const a = shape(t);
    const b = shape(mine);
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (a[k] !== b[k]) out.push(`${t.name}.${k}: real ${a[k]} / ours ${b[k]}`);
  }
  return out;
}

const config = (schemaSdl: string, apiKey: boolean) => ({
  apiId: 'fidelity',
  apiName: 'amplifyData',
  schemaSdl,
  authorizationModes: { default: 'userPool' as const, userPoolId: 'us-east-1_x', ...(apiKey ? { apiKey: { key: 'k', expiresAt: new Date(Date.now() + 86_400_000) } } : {}) },
});

for (const [name, schema, apiKey] of [['rich schema', richSchema(), true], ['docs-app schema', docsAppSchema(), false]] as const) {
  test(`${name}: served schema equals the Amplify transformer's AppSync schema`, async () => {
    const sdl = sdlOf(schema);
    const real = await transformModelSchema({ modelSchema: sdl, authorizationModes: { defaultAuthorizationMode: 'userPool', ...(apiKey ? { apiKeyAuthorizationMode: {} } : {}) }, hasAuth: true });
    const ours = buildApi(config(sdl, apiKey));
    assert.deepEqual(differences(buildSchema(AWS_DECLS + real.schema), ours.schema), []);
  });
}
