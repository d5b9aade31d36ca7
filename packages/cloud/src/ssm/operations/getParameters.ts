import type { GetParametersCommandInput, GetParametersCommandOutput, Parameter } from '@aws-sdk/client-ssm';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { SsmServices } from '../services.js';
import { parseSelector } from '../names.js';
import { ValidationException } from '../errors.js';
import { toParameter } from '../responses.js';

export type GetParametersOperation = Operation<GetParametersCommandInput, WireOutput<GetParametersCommandOutput>>;

export const GetParameters = ({ parameters }: Pick<SsmServices, 'parameters'>): GetParametersOperation =>
  async (ctx, input) => {
    const names = input.Names ?? [];
    if (!Array.isArray(names) || names.length < 1 || names.length > 10) {
      throw new ValidationException("1 validation error detected: Value at 'names' failed to satisfy constraint: Member must have length between 1 and 10");
    }
    const found: Parameter[] = [];
    const invalid: string[] = [];
    for (const raw of names) {
      const { name, version } = parseSelector(raw);
      const p = parameters.get(name, version);
      if (p) found.push(toParameter(p, ctx.region, ctx.accountId, input.WithDecryption === true, version === undefined ? undefined : `:${version}`));
      else invalid.push(raw);
    }
    return { Parameters: found, InvalidParameters: invalid };
  };
