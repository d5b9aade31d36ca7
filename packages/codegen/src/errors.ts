/**
 * Errors of `generate graphql-client-code` and model introspection. Messages are the real tool's
 * (`@aws-amplify/model-generator`), which throws them as plain `Error`s; `resolution` is ours.
 */
export class CodegenError extends Error {
  constructor(
    message: string,
    readonly resolution: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The backend has no `defineData` resource, so there is no model schema and no GraphQL API. */
export class NoDataResourceError extends CodegenError {
  constructor(message = 'No GraphQL API configured for this backend.') {
    super(message, 'Add a data resource (amplify/data/resource.ts with defineData) to the backend and re-run this command.');
  }
}

/** The schema handed to a generator is empty or not valid GraphQL SDL (real message: `Invalid schema`). */
export class InvalidSchemaError extends CodegenError {
  constructor(detail?: string, options?: { cause?: unknown }) {
    super(detail ? `Invalid schema: ${detail}` : 'Invalid schema', 'Check your data schema definition for syntax and type errors.', options);
  }
}

/** The introspection generator did not return exactly one JSON document (real name, client-config). */
export class InvalidModelIntrospectionSchemaFault extends CodegenError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`Model introspection schema is invalid: ${detail}`, 'This is a bug in the code generator; report it with the schema that caused it.', options);
  }
}

/** An option or combination of options the real CLI rejects. */
export class InvalidCommandInputError extends CodegenError {}
