import type { SsmServices } from '../services.js';
import { DeleteParameter } from './deleteParameter.js';
import { DeleteParameters } from './deleteParameters.js';
import { DescribeParameters } from './describeParameters.js';
import { GetParameter } from './getParameter.js';
import { GetParameterHistory } from './getParameterHistory.js';
import { GetParameters } from './getParameters.js';
import { GetParametersByPath } from './getParametersByPath.js';
import { PutParameter } from './putParameter.js';

/** Every SSM operation Sandlot serves, keyed by its wire name. */
export const ssmOperations = {
  DeleteParameter,
  DeleteParameters,
  DescribeParameters,
  GetParameter,
  GetParameterHistory,
  GetParameters,
  GetParametersByPath,
  PutParameter,
} as const;

export type SsmOperationName = keyof typeof ssmOperations;

export const buildSsmOperations = (services: SsmServices) =>
  Object.fromEntries(Object.entries(ssmOperations).map(([name, factory]) => [name, factory(services)])) as {
    [K in SsmOperationName]: ReturnType<(typeof ssmOperations)[K]>;
  };
