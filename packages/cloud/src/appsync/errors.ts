import { GraphQLError } from 'graphql';

/**
 * A resolver-level error in AppSync's shape: `errorType` / `errorInfo` / `data` beside the message. The
 * HTTP edge (`http/format.ts`) turns it into `{path, data, errorType, errorInfo, locations, message}`.
 */
export class AppSyncError extends Error {
  constructor(message: string, readonly errorType: string, readonly errorInfo: unknown = null) {
    super(message);
    this.name = 'AppSyncError';
  }
}

export const unauthorized = (field: string, type: string) => new AppSyncError(`Not Authorized to access ${field} on type ${type}`, 'Unauthorized');

export const conditionalCheckFailed = (requestId: string) =>
  new AppSyncError(`The conditional request failed (Service: DynamoDb, Status Code: 400, Request ID: ${requestId})`, 'DynamoDB:ConditionalCheckFailedException');

export const invalidNextToken = () => new AppSyncError('The provided starting key is invalid: the nextToken is not one this query issued.', 'DynamoDB:DynamoDbException');

export const unsupported = (what: string) => new AppSyncError(`Sandlot's local AppSync does not support ${what}.`, 'UnsupportedOperation');

/** A request-level failure (HTTP status + AppSync errorType), answered before any resolver runs. */
export class RequestError extends Error {
  constructor(readonly status: number, readonly errorType: string, message: string) {
    super(message);
    this.name = errorType;
  }
}

export const isGraphQLError = (e: unknown): e is GraphQLError => e instanceof GraphQLError;
