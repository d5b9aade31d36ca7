import type { GetParametersByPathCommandInput, GetParametersByPathCommandOutput } from '@aws-sdk/client-ssm';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { SsmServices } from '../services.js';
import { InvalidNextToken, ValidationException } from '../errors.js';
import { toParameter } from '../responses.js';

export type GetParametersByPathOperation = Operation<GetParametersByPathCommandInput, WireOutput<GetParametersByPathCommandOutput>>;

export const GetParametersByPath = ({ parameters, tokens }: Pick<SsmServices, 'parameters' | 'tokens'>): GetParametersByPathOperation =>
  async (ctx, input) => {
    if (typeof input.Path !== 'string' || !input.Path.startsWith('/')) {
      throw new ValidationException('The parameter path must begin with a forward slash (/).');
    }
    const limit = input.MaxResults ?? 10;
    if (!Number.isInteger(limit) || limit < 1 || limit > 10) {
      throw new ValidationException("1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10");
    }
    if (input.ParameterFilters?.length) throw new ValidationException('ParameterFilters are not supported by Sandlot yet.');
    const scope = `${input.Path}|${input.Recursive === true}`;
    let after = '';
    if (input.NextToken) {
      const opened = tokens.open(input.NextToken, scope);
      if (opened === undefined) throw new InvalidNextToken();
      after = opened;
    }
    const page = parameters.byPath(input.Path, input.Recursive === true, after, limit + 1);
    const more = page.length > limit;
    const items = page.slice(0, limit);
    return {
      Parameters: items.map((p) => toParameter(p, ctx.region, ctx.accountId, input.WithDecryption === true)),
      NextToken: more ? tokens.seal(items[items.length - 1]!.name, scope) : undefined,
    };
  };
