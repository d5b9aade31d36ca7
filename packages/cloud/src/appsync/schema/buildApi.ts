import { buildSchema, defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLScalarType } from 'graphql';
import { enabledAuthTypes, type DataConfig } from '../config.js';
import { allowedTypes } from '../auth/modes.js';
import { unauthorized, unsupported } from '../errors.js';
import { fieldNames } from '../model/naming.js';
import type { DataApi, ExecContext } from '../resolvers/context.js';
import { queryResolvers } from '../resolvers/queries.js';
import { mutationResolvers } from '../resolvers/mutations.js';
import { modelFieldResolvers } from '../resolvers/relations.js';
import { servedSchema } from './servedSchema.js';
import { AWS_SCALARS } from './scalars.js';

type AnyResolver = GraphQLFieldResolver<any, ExecContext, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Builds the executable API of a config: models → AppSync SDL → graphql-js schema with Sandlot's resolvers. */
export function buildApi(config: DataConfig): DataApi {
  const { defaultType, enabled } = enabledAuthTypes(config);
  const { set, modes, sdl } = servedSchema(config.schemaSdl, defaultType, enabled);
  const schema = buildSchema(sdl);
  for (const [name, scalar] of Object.entries(AWS_SCALARS)) {
    const target = schema.getType(name) as GraphQLScalarType;
    Object.assign(target, { serialize: scalar.serialize, parseValue: scalar.parseValue, parseLiteral: scalar.parseLiteral });
  }
  const resolvers = new Map<string, Record<string, AnyResolver>>();
  const add = (type: string, map: Record<string, AnyResolver>) => resolvers.set(type, { ...resolvers.get(type), ...map });
  for (const m of set.models.values()) {
    add('Query', queryResolvers(m));
    add('Mutation', mutationResolvers(m));
    add(m.name, modelFieldResolvers(m, set));
    const n = fieldNames(m);
    add('Subscription', Object.fromEntries([n.onCreate, n.onUpdate, n.onDelete].map((f) => [f, (src: Record<string, unknown>) => src?.[f] ?? null])));
  }
  for (const op of set.customOperations) {
    add(op.parent, { [op.name]: () => { throw unsupported(`custom ${op.parent.toLowerCase()} handlers (${op.parent}.${op.name} uses @${op.handler})`); } });
  }
  // Every resolver is synchronous (SQLite is): the flat executor (`http/flatExecution.ts`) relies on it.
  const plainFields: DataApi['plainFields'] = new Map();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const inner = resolvers.get(type.name)?.[field.name] ?? defaultFieldResolver;
      const allowed = allowedTypes(modes, type.name, field.name, defaultType);
      const typeName = type.name;
      const fieldName = field.name;
      // The flat executor reads these fields inline with this same auth-type check: keep the two in step.
      if (inner === defaultFieldResolver) plainFields.set(field, allowed);
      field.resolve = typeof allowed === 'string'
        ? (src, args, ctx: ExecContext, info) => {
            if (ctx.caller.authType !== allowed) throw unauthorized(fieldName, typeName);
            return inner(src, args, ctx, info);
          }
        : (src, args, ctx: ExecContext, info) => {
            if (!allowed.has(ctx.caller.authType)) throw unauthorized(fieldName, typeName);
            return inner(src, args, ctx, info);
          };
    }
  }
  return { config, set, schema, sdl, modes, defaultType, enabled, documents: new Map(), plainFields };
}
