import type { S3Services } from '../services.js';
import type { S3Route } from '../rest.js';
import { AbortMultipartUpload, abortMultipartUploadRoute } from './abortMultipartUpload.js';
import { CompleteMultipartUpload, completeMultipartUploadRoute } from './completeMultipartUpload.js';
import { CopyObject, copyObjectRoute } from './copyObject.js';
import { CreateBucket, createBucketRoute } from './createBucket.js';
import { CreateMultipartUpload, createMultipartUploadRoute } from './createMultipartUpload.js';
import { DeleteBucket, deleteBucketRoute } from './deleteBucket.js';
import { DeleteObject, deleteObjectRoute } from './deleteObject.js';
import { DeleteObjects, deleteObjectsRoute } from './deleteObjects.js';
import { GetBucketLocation, getBucketLocationRoute } from './getBucketLocation.js';
import { GetObject, getObjectRoute } from './getObject.js';
import { HeadBucket, headBucketRoute } from './headBucket.js';
import { HeadObject, headObjectRoute } from './headObject.js';
import { ListBuckets, listBucketsRoute } from './listBuckets.js';
import { ListObjectsV2, listObjectsV2Route } from './listObjectsV2.js';
import { ListParts, listPartsRoute } from './listParts.js';
import { PutObject, putObjectRoute } from './putObject.js';
import { UploadPart, uploadPartRoute } from './uploadPart.js';

/** Every S3 operation Sandlot serves, keyed by its wire name. */
export const s3Operations = {
  AbortMultipartUpload,
  CompleteMultipartUpload,
  CopyObject,
  CreateBucket,
  CreateMultipartUpload,
  DeleteBucket,
  DeleteObject,
  DeleteObjects,
  GetBucketLocation,
  GetObject,
  HeadBucket,
  HeadObject,
  ListBuckets,
  ListObjectsV2,
  ListParts,
  PutObject,
  UploadPart,
} as const;

export type S3OperationName = keyof typeof s3Operations;

/** How each operation reads its input off the REST request and writes its output back. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const s3Routes: Record<S3OperationName, S3Route<any, any>> = {
  AbortMultipartUpload: abortMultipartUploadRoute,
  CompleteMultipartUpload: completeMultipartUploadRoute,
  CopyObject: copyObjectRoute,
  CreateBucket: createBucketRoute,
  CreateMultipartUpload: createMultipartUploadRoute,
  DeleteBucket: deleteBucketRoute,
  DeleteObject: deleteObjectRoute,
  DeleteObjects: deleteObjectsRoute,
  GetBucketLocation: getBucketLocationRoute,
  GetObject: getObjectRoute,
  HeadBucket: headBucketRoute,
  HeadObject: headObjectRoute,
  ListBuckets: listBucketsRoute,
  ListObjectsV2: listObjectsV2Route,
  ListParts: listPartsRoute,
  PutObject: putObjectRoute,
  UploadPart: uploadPartRoute,
};

export const buildS3Operations = (services: S3Services) =>
  Object.fromEntries(Object.entries(s3Operations).map(([name, factory]) => [name, factory(services)])) as {
    [K in S3OperationName]: ReturnType<(typeof s3Operations)[K]>;
  };
