import type { GetTemplateSummaryCommandInput, GetTemplateSummaryCommandOutput } from '@aws-sdk/client-cloudformation';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { StackStore } from '../store.js';
import { stackDoesNotExist, ValidationError } from '../errors.js';

export type GetTemplateSummaryOperation = Operation<GetTemplateSummaryCommandInput, WireOutput<GetTemplateSummaryCommandOutput>>;

/** Only the stack form (`StackName`); a template body or URL is refused by name. */
export const GetTemplateSummary = ({ stacks }: { stacks: StackStore }): GetTemplateSummaryOperation =>
  async (_ctx, input) => {
    if (!input.StackName) throw new ValidationError('Sandlot supports GetTemplateSummary for an existing stack only: pass StackName (TemplateBody/TemplateURL are not supported).');
    const found = stacks.get(input.StackName);
    if (!found) throw stackDoesNotExist(input.StackName);
    return { Metadata: JSON.stringify(found.metadata), Parameters: [], ResourceTypes: [], Version: '2010-09-09' };
  };
