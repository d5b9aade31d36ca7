import type { ListDevicesCommandInput, ListDevicesCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { userOfAccessToken } from '../tokens.js';

export type ListDevicesOperation = Operation<ListDevicesCommandInput, WireOutput<ListDevicesCommandOutput>>;

/** Sandlot never hands out NewDeviceMetadata, so a user has no remembered devices. */
export const ListDevices = (d: Pick<CognitoServices, 'pools' | 'clock' | 'signingKey'>): ListDevicesOperation =>
  async (_ctx, input) => {
    await userOfAccessToken(d, input.AccessToken);
    return { Devices: [] };
  };
