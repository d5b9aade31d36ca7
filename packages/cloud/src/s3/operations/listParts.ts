import type { ListPartsCommandInput, ListPartsCommandOutput } from '@aws-sdk/client-s3';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { S3Services } from '../services.js';
import { bucketOf, intParam, keyOf, xmlResponse, type S3Route } from '../rest.js';
import { requireUpload } from '../uploads.js';
import { xmlDocument } from '../xml.js';

export type ListPartsOperation = Operation<ListPartsCommandInput, WireOutput<ListPartsCommandOutput>>;

export const ListParts = ({ objects, gate }: Pick<S3Services, 'objects' | 'gate'>): ListPartsOperation =>
  async (ctx, input) => {
    const upload = requireUpload({ objects, gate }, ctx, input.Bucket, input.Key, input.UploadId);
    const max = Math.min(input.MaxParts ?? 1000, 1000);
    const marker = Number(input.PartNumberMarker ?? 0);
    const rows = objects.parts(upload.uploadId, marker, max + 1);
    const page = rows.slice(0, max);
    const truncated = rows.length > max;
    return {
      Bucket: upload.bucket,
      Key: upload.key,
      UploadId: upload.uploadId,
      PartNumberMarker: String(marker),
      NextPartNumberMarker: page.length ? String(page[page.length - 1]!.partNumber) : undefined,
      MaxParts: max,
      IsTruncated: truncated,
      StorageClass: 'STANDARD',
      Parts: page.map((p) => ({ PartNumber: p.partNumber, LastModified: p.modified, ETag: p.etag, Size: p.size })),
    };
  };

export const listPartsRoute: S3Route<ListPartsCommandInput, WireOutput<ListPartsCommandOutput>> = {
  input: (call) => ({
    Bucket: bucketOf(call),
    Key: keyOf(call),
    UploadId: call.query.get('uploadId'),
    MaxParts: intParam(call, 'max-parts', { min: 0, max: 2 ** 31 - 1 }),
    PartNumberMarker: call.query.get('part-number-marker'),
  }),
  output: (out) => xmlResponse(xmlDocument('ListPartsResult', {
    Bucket: out.Bucket, Key: out.Key, UploadId: out.UploadId, PartNumberMarker: out.PartNumberMarker,
    NextPartNumberMarker: out.NextPartNumberMarker, MaxParts: out.MaxParts, IsTruncated: out.IsTruncated,
    StorageClass: out.StorageClass, Part: out.Parts,
  })),
};
