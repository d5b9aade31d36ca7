import type { GetParameterCommandInput, GetParameterCommandOutput } from '@aws-sdk/client-ssm';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { SsmServices } from '../services.js';
import { assertParameterName, parseSelector } from '../names.js';
import { ParameterNotFound, ParameterVersionNotFound } from '../errors.js';
import { toParameter } from '../responses.js';

export type GetParameterOperation = Operation<GetParameterCommandInput, WireOutput<GetParameterCommandOutput>>;

export const GetParameter = ({ parameters }: Pick<SsmServices, 'parameters'>): GetParameterOperation =>
  async (ctx, input) => {
    assertParameterName(typeof input.Name === 'string' ? parseSelector(input.Name).name : input.Name);
    const { name, version } = parseSelector(input.Name!);
    const found = parameters.get(name, version);
    if (!found) {
      if (version !== undefined && parameters.exists(name)) throw new ParameterVersionNotFound(name, version);
      throw new ParameterNotFound(name);
    }
    const selector = version === undefined ? undefined : `:${version}`;
    return { Parameter: toParameter(found, ctx.region, ctx.accountId, input.WithDecryption === true, selector) };
  };
