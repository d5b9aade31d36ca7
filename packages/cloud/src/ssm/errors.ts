import { ServiceError } from '../http/serviceError.js';

export class ParameterNotFound extends ServiceError {
  constructor(name: string) {
    super('ParameterNotFound', `Parameter ${name} not found.`);
  }
}

export class ParameterVersionNotFound extends ServiceError {
  constructor(name: string, version: number) {
    super('ParameterVersionNotFound', `Systems Manager could not find version ${version} of ${name}.`);
  }
}

export class ParameterAlreadyExists extends ServiceError {
  constructor() {
    super('ParameterAlreadyExists', 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.');
  }
}

export class ValidationException extends ServiceError {
  constructor(message: string) {
    super('ValidationException', message);
  }
}

export class InvalidNextToken extends ServiceError {
  constructor() {
    super('InvalidNextToken', 'The specified token is not valid.');
  }
}

export class UnsupportedParameterType extends ServiceError {
  constructor(type: string) {
    super('UnsupportedParameterType', `Parameter type ${type} is not supported.`);
  }
}

/** A stored value that this machine's Sandlot key cannot open (written under another key). */
export class InvalidKeyId extends ServiceError {
  constructor(name: string) {
    super('InvalidKeyId', `Cannot decrypt ${name}: it was encrypted with a different Sandlot key than this user's. Restore the key file that wrote it (see SANDLOT_CONFIG_DIR / the Sandlot config folder) or set the value again.`);
  }
}
