import type { GetParameterHistoryCommandInput, GetParameterHistoryCommandOutput } from '@aws-sdk/client-ssm';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { SsmServices } from '../services.js';
import { assertParameterName } from '../names.js';
import { InvalidNextToken, ParameterNotFound, ValidationException } from '../errors.js';
import { toHistory } from '../responses.js';

export type GetParameterHistoryOperation = Operation<GetParameterHistoryCommandInput, WireOutput<GetParameterHistoryCommandOutput>>;

export const GetParameterHistory = ({ parameters, tokens }: Pick<SsmServices, 'parameters' | 'tokens'>): GetParameterHistoryOperation =>
  async (_ctx, input) => {
    assertParameterName(input.Name);
    const limit = input.MaxResults ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new ValidationException('MaxResults must be between 1 and 50.');
    const all = parameters.history(input.Name);
    if (all.length === 0) throw new ParameterNotFound(input.Name);
    let start = 0;
    if (input.NextToken) {
      const opened = tokens.open(input.NextToken, `history|${input.Name}`);
      if (opened === undefined) throw new InvalidNextToken();
      start = Number(opened);
    }
    const items = all.slice(start, start + limit);
    const next = start + limit < all.length ? tokens.seal(String(start + limit), `history|${input.Name}`) : undefined;
    return { Parameters: items.map((p) => toHistory(p, input.WithDecryption === true)), NextToken: next };
  };
