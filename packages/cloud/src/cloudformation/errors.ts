import { ServiceError } from '../http/serviceError.js';

export class ValidationError extends ServiceError {
  constructor(message: string) {
    super('ValidationError', message, 400);
  }
}

export const stackDoesNotExist = (name: string): ValidationError => new ValidationError(`Stack with id ${name} does not exist`);
