import type { DeleteParameterCommandInput, DeleteParameterCommandOutput } from '@aws-sdk/client-ssm';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { SsmServices } from '../services.js';
import { assertParameterName } from '../names.js';
import { ParameterNotFound } from '../errors.js';

export type DeleteParameterOperation = Operation<DeleteParameterCommandInput, WireOutput<DeleteParameterCommandOutput>>;

export const DeleteParameter = ({ parameters }: Pick<SsmServices, 'parameters'>): DeleteParameterOperation =>
  async (ctx, input) => {
    assertParameterName(input.Name);
    if (!parameters.delete(input.Name)) throw new ParameterNotFound(input.Name);
    ctx.logger.info(`DeleteParameter ${input.Name}`);
    return {};
  };
