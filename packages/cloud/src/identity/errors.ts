import { clientErrorClass as define } from '../http/serviceError.js';

/** Cognito Identity errors, named and worded as AWS names them (HTTP 400). */

export class NotAuthorizedException extends define('NotAuthorizedException', 'Not authorized.') {}
export class ResourceNotFoundException extends define('ResourceNotFoundException', 'Resource not found.') {}
export class InvalidParameterException extends define('InvalidParameterException', 'Invalid parameter.') {}
