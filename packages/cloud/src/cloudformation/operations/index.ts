import type { StackStore } from '../store.js';
import { DescribeStacks } from './describeStacks.js';
import { GetTemplateSummary } from './getTemplateSummary.js';
import { ListStacks } from './listStacks.js';

/** Every CloudFormation operation Sandlot serves, keyed by its wire name. */
export const cloudFormationOperations = { DescribeStacks, GetTemplateSummary, ListStacks } as const;

export const buildCloudFormationOperations = (deps: { stacks: StackStore }) =>
  Object.fromEntries(Object.entries(cloudFormationOperations).map(([name, f]) => [name, f(deps)]));
