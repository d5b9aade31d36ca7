/**
 * Schemas the AppSync tests and bench serve: a rich one of Sandlot's own (every scalar, enum, custom type,
 * relationships, secondary index, composite identifier, owner / owners-list / static and dynamic group /
 * public / private / guest rules, a field-level rule, a custom query) and the docs-app schema.
 */
import { a } from '@aws-amplify/data-schema';

export const richSchema = () =>
  a.schema({
    Status: a.enum(['OPEN', 'DONE']),
    Meta: a.customType({ tag: a.string(), score: a.integer() }),
    Notebook: a
      .model({ name: a.string().required(), notes: a.hasMany('Note', 'notebookId') })
      .authorization((allow) => [allow.publicApiKey(), allow.guest()]),
    Note: a
      .model({
        notebookId: a.id(),
        notebook: a.belongsTo('Notebook', 'notebookId'),
        title: a.string().required(),
        body: a.string(),
        priority: a.integer(),
        rating: a.float(),
        done: a.boolean().default(false),
        due: a.date(),
        at: a.datetime(),
        time: a.time(),
        stamp: a.timestamp(),
        email: a.email(),
        site: a.url(),
        phone: a.phone(),
        ip: a.ipAddress(),
        extra: a.json(),
        tags: a.string().array(),
        status: a.ref('Status'),
        meta: a.ref('Meta'),
      })
      .secondaryIndexes((index) => [index('notebookId').sortKeys(['priority']).queryField('listNotesByNotebook')])
      .authorization((allow) => [allow.publicApiKey(), allow.guest()]),
    Item: a
      .model({ tenant: a.string().required(), sku: a.string().required(), qty: a.integer() })
      .identifier(['tenant', 'sku'])
      .authorization((allow) => [allow.publicApiKey()]),
    Project: a
      .model({ name: a.string().required(), status: a.ref('Status'), budget: a.float().default(10), tasks: a.hasMany('Task', 'projectId') })
      .authorization((allow) => [allow.owner(), allow.publicApiKey().to(['read']), allow.group('Admins')]),
    Task: a
      .model({ projectId: a.id(), project: a.belongsTo('Project', 'projectId'), title: a.string().required(), editors: a.string().array(), team: a.string() })
      .authorization((allow) => [allow.ownersDefinedIn('editors'), allow.groupDefinedIn('team'), allow.authenticated().to(['read'])]),
    Vault: a
      .model({ label: a.string().required() })
      .authorization((allow) => [allow.group('Admins'), allow.authenticated('identityPool').to(['read'])]),
    Profile: a
      .model({ name: a.string(), ssn: a.string().authorization((allow) => [allow.owner()]) })
      .authorization((allow) => [allow.owner(), allow.authenticated().to(['read'])]),
    echo: a.query().arguments({ msg: a.string() }).returns(a.string()).handler(a.handler.function('echoFn')).authorization((allow) => [allow.publicApiKey()]),
  });

/** The schema of ../shared/examples/docs-app/amplify/data/resource.ts, for when that file cannot be imported. */
export const docsAppSchema = () =>
  a.schema({
    Todo: a.model({ content: a.string(), isDone: a.boolean() }).authorization((allow) => [allow.authenticated()]),
  });

export const sdlOf = (schema: { transform(): { schema: string } }): string => schema.transform().schema;
