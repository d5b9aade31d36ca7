import { createHash } from 'node:crypto';
import type { CompleteMultipartUploadCommandInput, CompleteMultipartUploadCommandOutput } from '@aws-sdk/client-s3';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { S3Services } from '../services.js';
import { sameEtag } from '../checks.js';
import { EntityTooSmall, InvalidPart, InvalidPartOrder, MalformedXML } from '../errors.js';
import { bucketOf, keyOf, xmlResponse, type S3Route } from '../rest.js';
import { requireUpload } from '../uploads.js';
import { parseXmlBody, textOf, xmlDocument } from '../xml.js';

export type CompleteMultipartUploadOperation = Operation<CompleteMultipartUploadCommandInput, WireOutput<CompleteMultipartUploadCommandOutput>>;

const MIN_PART = 5 * 1024 * 1024;

/**
 * Assembles the listed parts (ascending, ETags matching, all but the last ≥ 5 MiB) into one body and
 * makes the object visible in one commit. ETag = MD5 of the parts' binary MD5s + `-<count>`, as S3.
 */
export const CompleteMultipartUpload = ({ objects, gate, clock, region }: Pick<S3Services, 'objects' | 'gate' | 'clock' | 'region'>): CompleteMultipartUploadOperation =>
  async (ctx, input) => {
    const upload = requireUpload({ objects, gate }, ctx, input.Bucket, input.Key, input.UploadId);
    const listed = input.MultipartUpload?.Parts ?? [];
    if (listed.length === 0) throw new MalformedXML();
    const stored = new Map(objects.allParts(upload.uploadId).map((p) => [p.partNumber, p]));
    const chosen = listed.map((p, i) => {
      const n = p.PartNumber ?? NaN;
      if (i > 0 && !(n > (listed[i - 1]!.PartNumber ?? 0))) throw new InvalidPartOrder();
      const part = stored.get(n);
      if (!part || !p.ETag || !sameEtag(p.ETag, part.etag)) throw new InvalidPart(n);
      return part;
    });
    chosen.forEach((p, i) => {
      if (i < chosen.length - 1 && p.size < MIN_PART) throw new EntityTooSmall(p.size);
    });
    const md5s = createHash('md5');
    for (const p of chosen) md5s.update(Buffer.from(p.etag.replace(/"/g, ''), 'hex'));
    const etag = `"${md5s.digest('hex')}-${chosen.length}"`;
    const blob = await objects.blobs.concat(chosen.map((p) => p.blob));
    objects.completeUpload(upload.uploadId, {
      bucket: upload.bucket, key: upload.key, size: blob.size, etag, modified: clock.now(), blob: blob.id,
      contentType: upload.contentType, headers: upload.headers, metadata: upload.metadata,
    }, [...stored.values()].map((p) => p.blob));
    return {
      Location: `https://${upload.bucket}.s3.${region}.amazonaws.com/${upload.key.split('/').map(encodeURIComponent).join('/')}`,
      Bucket: upload.bucket,
      Key: upload.key,
      ETag: etag,
    };
  };

interface CompleteXml {
  Part?: { PartNumber?: unknown; ETag?: unknown }[];
}

export const completeMultipartUploadRoute: S3Route<CompleteMultipartUploadCommandInput, WireOutput<CompleteMultipartUploadCommandOutput>> = {
  input: (call) => {
    const doc = parseXmlBody<CompleteXml>(call.body, 'CompleteMultipartUpload');
    return {
      Bucket: bucketOf(call),
      Key: keyOf(call),
      UploadId: call.query.get('uploadId'),
      MultipartUpload: {
        Parts: (doc.Part ?? []).map((p) => {
          const n = textOf(p.PartNumber)?.trim() ?? '';
          if (!/^\d+$/.test(n)) throw new MalformedXML();
          return { PartNumber: Number(n), ETag: textOf(p.ETag)?.trim() };
        }),
      },
    };
  },
  output: (out) => xmlResponse(xmlDocument('CompleteMultipartUploadResult', { Location: out.Location, Bucket: out.Bucket, Key: out.Key, ETag: out.ETag })),
};
