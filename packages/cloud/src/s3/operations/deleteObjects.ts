import type { DeleteObjectsCommandInput, DeleteObjectsCommandOutput } from '@aws-sdk/client-s3';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { S3Services } from '../services.js';
import { checkContentMd5, checkCrc32, requireBucket } from '../checks.js';
import { MalformedXML } from '../errors.js';
import { bucketOf, h, xmlResponse, type S3Route } from '../rest.js';
import { parseXmlBody, textOf, xmlDocument } from '../xml.js';

export type DeleteObjectsOperation = Operation<DeleteObjectsCommandInput, WireOutput<DeleteObjectsCommandOutput>>;

/** Up to 1000 keys; each key is checked against the rules on its own (refused ones come back as `<Error>`). */
export const DeleteObjects = ({ objects, gate }: Pick<S3Services, 'objects' | 'gate'>): DeleteObjectsOperation =>
  async (ctx, input) => {
    const bucket = requireBucket(objects, input.Bucket).name;
    const list = input.Delete?.Objects ?? [];
    if (list.length === 0 || list.length > 1000) throw new MalformedXML();
    const Deleted: { Key: string }[] = [];
    const Errors: { Key: string; Code: string; Message: string }[] = [];
    for (const { Key } of list) {
      if (!Key) throw new MalformedXML();
      if (!gate.allows(ctx, bucket, 'delete', Key)) {
        Errors.push({ Key, Code: 'AccessDenied', Message: 'Access Denied' });
        continue;
      }
      objects.deleteObject(bucket, Key);
      Deleted.push({ Key });
    }
    return { Deleted: input.Delete?.Quiet ? [] : Deleted, Errors };
  };

interface DeleteXml {
  Quiet?: unknown;
  Object?: { Key?: unknown; VersionId?: unknown }[];
}

export const deleteObjectsRoute: S3Route<DeleteObjectsCommandInput, WireOutput<DeleteObjectsCommandOutput>> = {
  input: (call) => {
    checkContentMd5(h(call, 'content-md5'), call.body);
    checkCrc32(h(call, 'x-amz-checksum-crc32') ?? call.trailers['x-amz-checksum-crc32'], call.body);
    const doc = parseXmlBody<DeleteXml>(call.body, 'Delete');
    return {
      Bucket: bucketOf(call),
      Delete: {
        Quiet: textOf(doc.Quiet)?.trim() === 'true',
        Objects: (doc.Object ?? []).map((o) => ({ Key: textOf(o.Key) ?? '' })),
      },
    };
  },
  output: (out) => xmlResponse(xmlDocument('DeleteResult', { Deleted: out.Deleted, Error: out.Errors })),
};
