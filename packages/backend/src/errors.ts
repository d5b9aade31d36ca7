/**
 * Errors of the backend definition, named as amplify-backend names them (`AmplifyUserError` fields:
 * name, message, resolution, details?), so the CLI can print `[Name] message / Resolution: …`.
 */
export class BackendDefinitionError extends Error {
  readonly details?: string;
  constructor(name: string, message: string, readonly resolution: string, options: { details?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = name;
    if (options.details !== undefined) this.details = options.details;
  }
}

/** A define* option with a bad value: the message names the resource and the option. */
export const invalidOption = (resource: string, option: string, problem: string, resolution: string): BackendDefinitionError =>
  new BackendDefinitionError('InvalidBackendDefinitionError', `${resource}: ${option} ${problem}`, resolution);

/** The real resolution text, with the secret's name added to the command. */
export const secretResolution = (name: string): string =>
  `Create secrets using the command npx ampx sandbox secret set ${name}. For more information, see https://docs.amplify.aws/gen2/deploy-and-host/sandbox-environments/features/#set-secrets`;

/** `secret('<name>')` names a secret the sandbox does not have (the real CdkErrorMapper's `SecretNotSetError`). */
export class SecretNotSetError extends BackendDefinitionError {
  constructor(readonly secretName: string) {
    super('SecretNotSetError', `The secret '${secretName}' specified in the backend does not exist.`, secretResolution(secretName));
  }
}
