import type { DescribeStacksCommandInput, DescribeStacksCommandOutput, Stack } from '@aws-sdk/client-cloudformation';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { StackStore, StackRecord } from '../store.js';
import { stackDoesNotExist } from '../errors.js';

export type DescribeStacksOperation = Operation<DescribeStacksCommandInput, WireOutput<DescribeStacksCommandOutput>>;

export const toStack = (r: StackRecord): Stack => ({
  StackName: r.name,
  StackId: r.stackId,
  CreationTime: r.created,
  LastUpdatedTime: r.updated,
  StackStatus: r.status as Stack['StackStatus'],
  Outputs: Object.entries(r.outputs).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })),
  Tags: Object.entries(r.tags).map(([Key, Value]) => ({ Key, Value })),
});

export const DescribeStacks = ({ stacks }: { stacks: StackStore }): DescribeStacksOperation =>
  async (_ctx, input) => {
    if (input.StackName) {
      const found = stacks.get(input.StackName);
      if (!found) throw stackDoesNotExist(input.StackName);
      return { Stacks: [toStack(found)] };
    }
    return { Stacks: stacks.list().map(toStack) };
  };
