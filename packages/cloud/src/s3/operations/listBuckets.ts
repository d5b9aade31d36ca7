import type { ListBucketsCommandInput, ListBucketsCommandOutput } from '@aws-sdk/client-s3';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { S3Services } from '../services.js';
import { xmlResponse, type S3Route } from '../rest.js';
import { xmlDocument } from '../xml.js';

export type ListBucketsOperation = Operation<ListBucketsCommandInput, WireOutput<ListBucketsCommandOutput>>;

export const ListBuckets = ({ objects, gate }: Pick<S3Services, 'objects' | 'gate'>): ListBucketsOperation =>
  async (ctx) => {
    gate.requireAdmin(ctx);
    return {
      Owner: { ID: ctx.accountId, DisplayName: 'sandlot' },
      Buckets: objects.buckets().map((b) => ({ Name: b.name, CreationDate: b.created, BucketRegion: b.region })),
    };
  };

export const listBucketsRoute: S3Route<ListBucketsCommandInput, WireOutput<ListBucketsCommandOutput>> = {
  input: () => ({}),
  output: (out) => xmlResponse(xmlDocument('ListAllMyBucketsResult', { Owner: out.Owner, Buckets: { Bucket: out.Buckets } })),
};
