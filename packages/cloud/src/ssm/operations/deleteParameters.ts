import type { DeleteParametersCommandInput, DeleteParametersCommandOutput } from '@aws-sdk/client-ssm';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { SsmServices } from '../services.js';
import { ValidationException } from '../errors.js';

export type DeleteParametersOperation = Operation<DeleteParametersCommandInput, WireOutput<DeleteParametersCommandOutput>>;

export const DeleteParameters = ({ parameters }: Pick<SsmServices, 'parameters'>): DeleteParametersOperation =>
  async (ctx, input) => {
    const names = input.Names;
    if (!Array.isArray(names) || names.length < 1 || names.length > 10) {
      throw new ValidationException("1 validation error detected: Value at 'names' failed to satisfy constraint: Member must have length less than or equal to 10 and greater than or equal to 1");
    }
    const deleted: string[] = [];
    const invalid: string[] = [];
    for (const name of names) (parameters.delete(name) ? deleted : invalid).push(name);
    ctx.logger.info(`DeleteParameters ${deleted.length} deleted, ${invalid.length} invalid`);
    return { DeletedParameters: deleted, InvalidParameters: invalid };
  };
