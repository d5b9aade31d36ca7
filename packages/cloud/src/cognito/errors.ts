import { clientErrorClass as define } from '../http/serviceError.js';

/** Cognito user-pool errors, named and worded as AWS names them. All are client faults (HTTP 400). */

export class NotAuthorizedException extends define('NotAuthorizedException', 'Incorrect username or password.') {}
export class UserNotFoundException extends define('UserNotFoundException', 'User does not exist.') {}
export class UsernameExistsException extends define('UsernameExistsException', 'User already exists') {}
export class AliasExistsException extends define('AliasExistsException', 'An account with the given email already exists.') {}
export class CodeMismatchException extends define('CodeMismatchException', 'Invalid verification code provided, please try again.') {}
export class ExpiredCodeException extends define('ExpiredCodeException', 'Invalid code provided, please request a code again.') {}
export class InvalidPasswordException extends define('InvalidPasswordException', 'Password does not conform to policy') {}
export class UserNotConfirmedException extends define('UserNotConfirmedException', 'User is not confirmed.') {}
export class PasswordResetRequiredException extends define('PasswordResetRequiredException', 'Password reset required for the user') {}
export class InvalidParameterException extends define('InvalidParameterException', 'Invalid parameter.') {}
export class ResourceNotFoundException extends define('ResourceNotFoundException', 'Resource not found.') {}
export class GroupExistsException extends define('GroupExistsException', 'A group with the name already exists.') {}
export class EnableSoftwareTokenMFAException extends define('EnableSoftwareTokenMFAException', 'Code mismatch') {}
export class SoftwareTokenMFANotFoundException extends define('SoftwareTokenMFANotFoundException', 'Software Token MFA has not been enabled by the userPool.') {}
export class InvalidUserPoolConfigurationException extends define('InvalidUserPoolConfigurationException', 'The user pool is not configured for this.') {}
export class UnsupportedTokenTypeException extends define('UnsupportedTokenTypeException', 'The token type is not supported.') {}

export const invalidSession = () => new NotAuthorizedException('Invalid session for the user, session is expired.');
export const poolNotFound = (id: string) => new ResourceNotFoundException(`User pool ${id} does not exist.`);
export const clientNotFound = (id: string) => new ResourceNotFoundException(`User pool client ${id} does not exist.`);
export const missing = (field: string) => new InvalidParameterException(`1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must not be null`);
export class UnsupportedUserStateException extends define('UnsupportedUserStateException', 'Unsupported user state.') {}
