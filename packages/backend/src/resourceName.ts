import { BackendDefinitionError } from './errors.js';

/** amplify-backend's `DefaultResourceNameValidator`: the `name` of defineAuth/defineData/defineStorage. */
export function validateResourceName(where: string, name: unknown): void {
  if (typeof name !== 'string' || !/^[a-zA-Z][a-zA-Z0-9-_ ]*$/.test(name)) {
    throw new BackendDefinitionError(
      'InvalidResourceNameError',
      `${where}: name contains invalid characters, found ${JSON.stringify(name)}`,
      'Update name to use only alphanumeric characters, dashes, underscores and spaces. The name should also start with an alphabetic character',
    );
  }
}
