import { a, defineData, type ClientSchema } from '@aws-amplify/backend';

const schema = a.schema({
  Priority: a.enum(['LOW', 'NORMAL', 'HIGH']),
  Notebook: a
    .model({
      title: a.string().required(),
      notes: a.hasMany('Note', 'notebookId'),
    })
    .authorization((allow) => [allow.owner(), allow.group('admin')]),
  Note: a
    .model({
      notebookId: a.id(),
      notebook: a.belongsTo('Notebook', 'notebookId'),
      body: a.string().required(),
      priority: a.ref('Priority'),
      done: a.boolean().default(false),
    })
    .authorization((allow) => [allow.owner(), allow.group('admin'), allow.authenticated().to(['read'])]),
  Announcement: a
    .model({ text: a.string().required() })
    .authorization((allow) => [allow.publicApiKey().to(['read']), allow.group('admin')]),
});

export type Schema = ClientSchema<typeof schema>;

export const data = defineData({
  schema,
  authorizationModes: {
    defaultAuthorizationMode: 'userPool',
    apiKeyAuthorizationMode: { expiresInDays: 30 },
  },
});
