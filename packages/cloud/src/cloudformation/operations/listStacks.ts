import type { ListStacksCommandInput, ListStacksCommandOutput } from '@aws-sdk/client-cloudformation';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { StackStore } from '../store.js';

export type ListStacksOperation = Operation<ListStacksCommandInput, WireOutput<ListStacksCommandOutput>>;

export const ListStacks = ({ stacks }: { stacks: StackStore }): ListStacksOperation =>
  async () => ({
    StackSummaries: stacks.list().map((r) => ({ StackName: r.name, StackId: r.stackId, CreationTime: r.created, LastUpdatedTime: r.updated, StackStatus: r.status as never })),
  });
