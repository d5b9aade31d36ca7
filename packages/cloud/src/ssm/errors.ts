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
