import type { RequestContext } from '../context.js';
import type { S3Services } from './services.js';
import type { StoredUpload } from './store.js';
import { InvalidArgument, NoSuchUpload } from './errors.js';
import { requireBucket } from './checks.js';

/** The upload a part / complete / abort / list-parts call names, checked against its bucket and key and the rules. */
export function requireUpload(s: Pick<S3Services, 'objects' | 'gate'>, ctx: RequestContext, bucket: string | undefined, key: string | undefined, uploadId: string | undefined): StoredUpload {
  const name = requireBucket(s.objects, bucket).name;
  const upload = uploadId ? s.objects.upload(uploadId) : undefined;
  if (!upload || upload.bucket !== name || upload.key !== key) throw new NoSuchUpload(uploadId ?? '');
  s.gate.require(ctx, name, 'write', upload.key);
  return upload;
}

export function assertPartNumber(n: number | undefined): asserts n is number {
  if (n === undefined || !Number.isInteger(n) || n < 1 || n > 10000) {
    throw new InvalidArgument('Part number must be an integer between 1 and 10000, inclusive', 'partNumber', String(n ?? ''));
  }
}
