import { defineStorage } from '@aws-amplify/backend';

export const storage = defineStorage({
  name: 'notesMedia',
  isDefault: true,
  access: (allow) => ({
    'public/*': [allow.guest.to(['read']), allow.authenticated.to(['read', 'write', 'delete'])],
    'attachments/{entity_id}/*': [allow.entity('identity').to(['read', 'write', 'delete'])],
  }),
});
