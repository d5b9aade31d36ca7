import { execute, type ExecutionResult } from 'graphql';
import type { DataApi, ExecContext } from '../resolvers/context.js';
import { planFlat, runFlat } from './flatExecution.js';
import type { OperationPlan, PreparedDocument } from './prepare.js';

/**
 * Executes the operation a request picked from a prepared (parsed, validated, cached) document: with the flat
 * plan made on its first run when the document has that shape (every generated one does), else with `execute`.
 */
export function runOperation(api: DataApi, prepared: PreparedDocument, plan: OperationPlan, ctx: ExecContext, variables: Record<string, unknown> | undefined, operationName: string | undefined): ExecutionResult | Promise<ExecutionResult> {
  if (plan.flat === undefined) plan.flat = plan.operation ? (planFlat(api, plan.operation) ?? null) : null;
  if (plan.flat) return runFlat(plan.flat, api, ctx, variables);
  return execute({ schema: api.schema, document: prepared.document, variableValues: variables, operationName, contextValue: ctx }) as ExecutionResult | Promise<ExecutionResult>;
}
