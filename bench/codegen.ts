// bench/codegen: time to generate every `ampx generate graphql-client-code` format and target for a generated
// 50-model schema (in memory, library calls; the AppSync schema is transformed once and shared, as one CLI
// run per format would each pay the transform). Goal: under 2 s in total. Run: npx tsx bench/codegen.ts
// Peer: the real command needs a deployed backend (CloudFormation + S3 + AppSync calls, seconds per run) and
// cannot run offline, so it is not measured here.
import {
  generateGraphqlClientCodeFiles,
  modelSchemaFromDataResource,
  transformModelSchema,
  MODEL_TARGET_CHOICES,
  STATEMENT_TARGET_CHOICES,
  type GraphqlClientCodeFlags,
} from '../packages/codegen/src/index.js';
import { generatedSchema } from '../packages/codegen/src/testing/schemas.js';

const MODELS = 50;
const runs: { label: string; flags: GraphqlClientCodeFlags }[] = [
  { label: 'introspection', flags: { format: 'introspection' } },
  ...MODEL_TARGET_CHOICES.map((modelTarget) => ({ label: `modelgen ${modelTarget}`, flags: { format: 'modelgen', modelTarget } })),
  ...STATEMENT_TARGET_CHOICES.map((statementTarget) => ({ label: `graphql-codegen ${statementTarget}`, flags: { format: 'graphql-codegen', statementTarget } })),
];

const total = performance.now();
let t = performance.now();
const modelSchema = modelSchemaFromDataResource(generatedSchema(MODELS));
const data = { modelSchema, hasAuth: true, authorizationModes: { defaultAuthorizationMode: 'userPool' as const, apiKeyAuthorizationMode: {} } };
console.log(`${'model schema (a.schema transform)'.padEnd(36)} ${(performance.now() - t).toFixed(0).padStart(6)} ms`);
t = performance.now();
const { schema: appsyncSchema } = await transformModelSchema(data);
console.log(`${'AppSync schema (Amplify transformer)'.padEnd(36)} ${(performance.now() - t).toFixed(0).padStart(6)} ms  (${appsyncSchema.split('\n').length} lines)`);
for (const { label, flags } of runs) {
  t = performance.now();
  const files = await generateGraphqlClientCodeFiles({ ...flags, data: { ...data, appsyncSchema } });
  console.log(`${label.padEnd(36)} ${(performance.now() - t).toFixed(0).padStart(6)} ms  (${Object.keys(files).length} files)`);
}
const elapsed = performance.now() - total;
console.log(`total for ${MODELS} models, ${runs.length} format/targets: ${elapsed.toFixed(0)} ms (goal < 2000 ms: ${elapsed < 2000 ? 'met' : 'NOT met'})`);
