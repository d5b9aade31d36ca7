import type { DescribeParametersCommandInput, DescribeParametersCommandOutput } from '@aws-sdk/client-ssm';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { SsmServices } from '../services.js';
import { InvalidNextToken, ValidationException } from '../errors.js';
import { toMetadata } from '../responses.js';

export type DescribeParametersOperation = Operation<DescribeParametersCommandInput, WireOutput<DescribeParametersCommandOutput>>;

/** Lists every parameter's metadata (no filters yet: a filter is refused by name rather than ignored). */
export const DescribeParameters = ({ parameters, tokens }: Pick<SsmServices, 'parameters' | 'tokens'>): DescribeParametersOperation =>
  async (ctx, input) => {
    if (input.Filters?.length || input.ParameterFilters?.length) throw new ValidationException('Filters and ParameterFilters are not supported by Sandlot yet.');
    const limit = input.MaxResults ?? 10;
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new ValidationException('MaxResults must be between 1 and 50.');
    let after = '';
    if (input.NextToken) {
      const opened = tokens.open(input.NextToken, 'describe');
      if (opened === undefined) throw new InvalidNextToken();
      after = opened;
    }
    const page = parameters.byPath('/', true, after, limit + 1);
    const items = page.slice(0, limit);
    return {
      Parameters: items.map((p) => toMetadata(p, ctx.region, ctx.accountId)),
      NextToken: page.length > limit ? tokens.seal(items[items.length - 1]!.name, 'describe') : undefined,
    };
  };
