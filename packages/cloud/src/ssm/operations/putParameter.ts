import type { PutParameterCommandInput, PutParameterCommandOutput } from '@aws-sdk/client-ssm';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { SsmServices } from '../services.js';
import { assertParameterName } from '../names.js';
import { ParameterAlreadyExists, UnsupportedParameterType, ValidationException } from '../errors.js';

export type PutParameterOperation = Operation<PutParameterCommandInput, WireOutput<PutParameterCommandOutput>>;

const TYPES = new Set(['String', 'StringList', 'SecureString']);
/** Advanced-tier limit; a standard-tier parameter over 4 KB is accepted, as Sandlot has no tiers. */
const MAX_VALUE_BYTES = 8192;

export const PutParameter = ({ parameters }: Pick<SsmServices, 'parameters'>): PutParameterOperation =>
  async (ctx, input) => {
    assertParameterName(input.Name);
    if (typeof input.Value !== 'string' || input.Value.length < 1) {
      throw new ValidationException("1 validation error detected: Value '' at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }
    if (Buffer.byteLength(input.Value) > MAX_VALUE_BYTES) {
      throw new ValidationException(`Parameter value is ${Buffer.byteLength(input.Value)} bytes; the limit is ${MAX_VALUE_BYTES} bytes.`);
    }
    const exists = parameters.exists(input.Name);
    const type = input.Type ?? (exists ? parameters.get(input.Name)!.type : undefined);
    if (!type) throw new ValidationException('A parameter type is required when you create a parameter.');
    if (!TYPES.has(type)) throw new UnsupportedParameterType(type);
    const result = parameters.put({
      name: input.Name,
      value: input.Value,
      type,
      description: input.Description,
      overwrite: input.Overwrite === true,
      user: ctx.accessKeyId ? `arn:aws:iam::${ctx.accountId}:root` : undefined,
    });
    if ('exists' in result) throw new ParameterAlreadyExists();
    ctx.logger.info(`PutParameter ${input.Name} version ${result.version}`);
    return { Version: result.version, Tier: 'Standard' };
  };
