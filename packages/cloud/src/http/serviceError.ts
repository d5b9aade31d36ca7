/** What a caller sees when Sandlot itself failed (never for a client mistake); the cause goes to the cloud's log. */
export const INTERNAL_ERROR_MESSAGE = 'Sandlot hit an internal error; see the local cloud log.';

/**
 * Base of every AWS error a service throws. The class name is the AWS error code; only the HTTP
 * edge (router) turns it into a wire shape, so operations never build responses by hand.
 */
export class ServiceError extends Error {
  readonly httpStatus: number;
  readonly senderFault: boolean;

  constructor(readonly code: string, message: string, httpStatus = 400, senderFault = true) {
    super(message);
    this.name = code;
    this.httpStatus = httpStatus;
    this.senderFault = senderFault;
  }
}

/** A client-fault (HTTP 400) error class named `code`, with AWS's wording as the default message. */
export const clientErrorClass = (code: string, defaultMessage: string) =>
  class extends ServiceError {
    constructor(message = defaultMessage) {
      super(code, message, 400);
    }
  };

/** Unknown operation: a 400, never a 5xx (the Amplify client retries 5xx three times). */
export class UnsupportedOperationError extends ServiceError {
  constructor(service: string, operation: string) {
    super('UnsupportedOperation', `Sandlot's local ${service} does not implement ${operation} yet.`, 400);
  }
}

export class UnrecognizedClientException extends ServiceError {
  constructor(message = 'The security token included in the request is invalid.') {
    super('UnrecognizedClientException', message, 400);
  }
}

export class InvalidSignatureException extends ServiceError {
  constructor(message: string) {
    super('InvalidSignatureException', message, 400);
  }
}

export class SerializationException extends ServiceError {
  constructor(message = 'The request body is not valid JSON.') {
    super('SerializationException', message, 400);
  }
}
