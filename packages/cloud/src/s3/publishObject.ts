import { createHash } from 'node:crypto';
import type { CloudServices } from '../services.js';

/**
 * Puts an object into a bucket from inside the cloud (no request, no rules): what a deployment's asset
 * upload does, e.g. the data model schema in the codegen bucket that `@aws-amplify/client-config` and
 * `@aws-amplify/seed` read back with GetObject. Creates the bucket when needed.
 */
export async function publishObject(
  services: Pick<CloudServices, 'objects' | 'clock' | 'region'>,
  o: { bucket: string; key: string; body: string | Buffer; contentType?: string },
): Promise<void> {
  const now = services.clock.now();
  const body = Buffer.isBuffer(o.body) ? o.body : Buffer.from(o.body);
  services.objects.createBucket(o.bucket, services.region, now);
  const blob = await services.objects.blobs.write([body]);
  services.objects.putObject({
    bucket: o.bucket,
    key: o.key,
    size: body.length,
    etag: `"${createHash('md5').update(body).digest('hex')}"`,
    modified: now,
    blob: blob.id,
    contentType: o.contentType,
    headers: {},
    metadata: {},
  });
}

/** The text of an object put there by the cloud (or anyone), read without a request; undefined when absent. */
export function readObjectText(services: Pick<CloudServices, 'objects'>, s3Uri: string): string | undefined {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(s3Uri);
  const o = m ? services.objects.object(m[1]!, m[2]!) : undefined;
  return o && services.objects.blobs.read(o.blob).toString('utf8');
}
