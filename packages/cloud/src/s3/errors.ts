import { ServiceError } from '../http/serviceError.js';

/** An S3 error: its code and status as S3 sends them, plus the extra `<Error>` fields S3 adds. */
export class S3Error extends ServiceError {
  constructor(code: string, message: string, httpStatus: number, readonly fields: Record<string, string> = {}) {
    super(code, message, httpStatus);
  }
}

export class NoSuchKey extends S3Error {
  constructor(key: string) {
    super('NoSuchKey', 'The specified key does not exist.', 404, { Key: key });
  }
}

export class NoSuchBucket extends S3Error {
  constructor(bucket: string) {
    super('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket });
  }
}

export class NoSuchUpload extends S3Error {
  constructor(uploadId: string) {
    super('NoSuchUpload', 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.', 404, { UploadId: uploadId });
  }
}

export class AccessDenied extends S3Error {
  constructor(message = 'Access Denied') {
    super('AccessDenied', message, 403);
  }
}

export class SignatureDoesNotMatch extends S3Error {
  constructor(message = 'The request signature we calculated does not match the signature you provided. Check your key and signing method.') {
    super('SignatureDoesNotMatch', message, 403);
  }
}

export class InvalidAccessKeyId extends S3Error {
  constructor(accessKeyId: string) {
    super('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403, { AWSAccessKeyId: accessKeyId });
  }
}

export class InvalidToken extends S3Error {
  constructor() {
    super('InvalidToken', 'The provided token is malformed or otherwise invalid.', 400);
  }
}

export class ExpiredToken extends S3Error {
  constructor() {
    super('ExpiredToken', 'The provided token has expired.', 400);
  }
}

export class RequestTimeTooSkewed extends S3Error {
  constructor() {
    super('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', 403);
  }
}

export class AuthorizationHeaderMalformed extends S3Error {
  constructor(message: string) {
    super('AuthorizationHeaderMalformed', message, 400);
  }
}

export class InvalidRange extends S3Error {
  constructor(range: string, size: number) {
    super('InvalidRange', 'The requested range is not satisfiable', 416, { RangeRequested: range, ActualObjectSize: String(size) });
  }
}

export class InvalidPart extends S3Error {
  constructor(partNumber: number) {
    super('InvalidPart', "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.", 400, { PartNumber: String(partNumber) });
  }
}

export class InvalidPartOrder extends S3Error {
  constructor() {
    super('InvalidPartOrder', 'The list of parts was not in ascending order. The parts list must be specified in order by part number.', 400);
  }
}

export class EntityTooSmall extends S3Error {
  constructor(size: number) {
    super('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.', 400, { ProposedSize: String(size), MinSizeAllowed: String(5 * 1024 * 1024) });
  }
}

export class EntityTooLarge extends S3Error {
  constructor(size: number, max: number) {
    super('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 400, { ProposedSize: String(size), MaxSizeAllowed: String(max) });
  }
}

export class InvalidArgument extends S3Error {
  constructor(message: string, name: string, value: string) {
    super('InvalidArgument', message, 400, { ArgumentName: name, ArgumentValue: value });
  }
}

export class InvalidRequest extends S3Error {
  constructor(message: string) {
    super('InvalidRequest', message, 400);
  }
}

export class MalformedXML extends S3Error {
  constructor() {
    super('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
  }
}

export class InvalidBucketName extends S3Error {
  constructor(bucket: string) {
    super('InvalidBucketName', 'The specified bucket is not valid.', 400, { BucketName: bucket });
  }
}

export class BucketAlreadyOwnedByYou extends S3Error {
  constructor(bucket: string) {
    super('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', 409, { BucketName: bucket });
  }
}

export class BucketNotEmpty extends S3Error {
  constructor(bucket: string) {
    super('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409, { BucketName: bucket });
  }
}

export class BadDigest extends S3Error {
  constructor(message = 'The Content-MD5 you specified did not match what we received.') {
    super('BadDigest', message, 400);
  }
}

export class InvalidDigest extends S3Error {
  constructor() {
    super('InvalidDigest', 'The Content-MD5 you specified is not valid.', 400);
  }
}

export class ContentSha256Mismatch extends S3Error {
  constructor() {
    super('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", 400);
  }
}

/** The body ended before the length the request announced (or the client went away mid-upload). */
export class IncompleteBody extends S3Error {
  constructor() {
    super('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header.', 400);
  }
}

export class KeyTooLongError extends S3Error {
  constructor() {
    super('KeyTooLongError', 'Your key is too long', 400);
  }
}

export class MetadataTooLarge extends S3Error {
  constructor() {
    super('MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size.', 400);
  }
}

export class PreconditionFailed extends S3Error {
  constructor(condition: string) {
    super('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 412, { Condition: condition });
  }
}

/** A 304 for GET/HEAD conditionals: S3 sends it without a body. */
export class NotModified extends S3Error {
  constructor() {
    super('NotModified', 'Not Modified', 304);
  }
}

export class MethodNotAllowed extends S3Error {
  constructor(method: string, resource: string) {
    super('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405, { Method: method, ResourceType: resource });
  }
}

/** What Sandlot's S3 does not do (S3's own code for unimplemented functionality). */
export class NotImplemented extends S3Error {
  constructor(what: string) {
    super('NotImplemented', `Sandlot's local S3 does not implement ${what}.`, 501);
  }
}
