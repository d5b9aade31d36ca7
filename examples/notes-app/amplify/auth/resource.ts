import { defineAuth } from '@aws-amplify/backend';

export const auth = defineAuth({
  loginWith: { email: true },
  userAttributes: {
    preferredUsername: { required: false, mutable: true },
  },
  groups: ['admin', 'editors'],
});
