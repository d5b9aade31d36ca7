/** A mistake in the backend definition: named as amplify-backend names it, with how to fix it. */
export class BackendDefinitionError extends Error {
  constructor(name: string, message: string, readonly resolution: string) {
    super(message);
    this.name = name;
  }
}

export const invalidOption = (resource: string, option: string, problem: string, resolution: string): BackendDefinitionError =>
  new BackendDefinitionError('InvalidBackendDefinitionError', `${resource}: ${option} ${problem}`, resolution);
