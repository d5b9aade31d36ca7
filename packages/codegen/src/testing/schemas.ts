/**
 * Schemas the codegen tests and bench run on: the docs-app schema (rebuilt with `a` when
 * `@aws-amplify/backend` cannot be loaded), a richer schema covering every feature the generators
 * branch on, and a generated N-model schema for the bench.
 */
import { a } from '@aws-amplify/data-schema';

/** The schema of ../shared/examples/docs-app/amplify/data/resource.ts, built with `a` directly. */
export const docsAppSchema = () =>
  a.schema({
    Todo: a
      .model({ content: a.string(), isDone: a.boolean() })
      .authorization((allow) => [allow.authenticated()]),
  });

/** Relationships (1:n, 1:1, n:m), indexes, enums, custom types, custom identifier, owner/group rules, custom ops. */
export const richSchema = () =>
  a.schema({
      Priority: a.enum(['LOW', 'MEDIUM', 'HIGH']),
      Location: a.customType({ lat: a.float().required(), long: a.float().required(), label: a.string() }),
      Todo: a
        .model({
          content: a.string().required(),
          done: a.boolean().default(false),
          priority: a.ref('Priority'),
          dueOn: a.date(),
          tags: a.string().array(),
          location: a.ref('Location'),
          projectId: a.id(),
          project: a.belongsTo('Project', 'projectId'),
          notes: a.hasMany('Note', 'todoId'),
          detail: a.hasOne('TodoDetail', 'todoId'),
          todoTags: a.hasMany('TodoTag', 'todoId'),
        })
        .secondaryIndexes((index) => [index('projectId').sortKeys(['dueOn']).queryField('listTodosByProject')])
        .authorization((allow) => [allow.owner(), allow.groups(['Admins']), allow.publicApiKey().to(['read'])]),
      TodoDetail: a
        .model({ todoId: a.id(), todo: a.belongsTo('Todo', 'todoId'), body: a.string(), email: a.email(), site: a.url() })
        .authorization((allow) => [allow.owner()]),
      Note: a
        .model({ todoId: a.id().required(), todo: a.belongsTo('Todo', 'todoId'), text: a.string(), meta: a.json(), at: a.datetime() })
        .authorization((allow) => [allow.authenticated().to(['read']), allow.owner()]),
      Project: a
        .model({ name: a.string().required(), todos: a.hasMany('Todo', 'projectId'), budget: a.integer(), ip: a.ipAddress() })
        .authorization((allow) => [allow.groups(['Admins']), allow.authenticated().to(['read'])]),
      Tag: a
        .model({ slug: a.string().required(), label: a.string(), todoTags: a.hasMany('TodoTag', ['tagSlug']) })
        .identifier(['slug'])
        .authorization((allow) => [allow.publicApiKey()]),
      TodoTag: a
        .model({
          todoId: a.id().required(),
          tagSlug: a.string().required(),
          todo: a.belongsTo('Todo', 'todoId'),
          tag: a.belongsTo('Tag', ['tagSlug']),
        })
        .authorization((allow) => [allow.authenticated()]),
      Reading: a
        .model({ sensor: a.string().required(), at: a.timestamp().required(), value: a.float(), phone: a.phone(), time: a.time() })
        .identifier(['sensor', 'at'])
        .authorization((allow) => [allow.guest().to(['read']), allow.authenticated()]),
      echo: a
        .query()
        .arguments({ text: a.string().required() })
        .returns(a.ref('Location'))
        .handler(a.handler.function('echoFunction'))
        .authorization((allow) => [allow.authenticated()]),
      bump: a
        .mutation()
        .arguments({ id: a.id().required(), by: a.integer() })
        .returns(a.integer())
        .handler(a.handler.function('bumpFunction'))
        .authorization((allow) => [allow.groups(['Admins'])]),
    });

/** `count` independent models with a few fields each and a hasMany chain, for the bench. */
export const generatedSchema = (count: number) => {
  const models: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const next = i + 1 < count ? { children: a.hasMany(`Entity${i + 1}`, 'parentId') } : {};
    const prev = i > 0 ? { parentId: a.id(), parent: a.belongsTo(`Entity${i - 1}`, 'parentId') } : {};
    models[`Entity${i}`] = a
      .model({ title: a.string().required(), count: a.integer(), ratio: a.float(), when: a.datetime(), ...prev, ...next } as never)
      .authorization((allow) => [allow.owner(), allow.publicApiKey().to(['read'])]);
  }
  // The generated record loses the literal key types `a.schema` infers; its runtime value is what matters.
  return a.schema(models as never) as unknown as { transform: () => { schema: string } };
};
