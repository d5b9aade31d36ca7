/**
 * Options of `ampx generate graphql-client-code` (`generate_graphql_client_code_command.ts`): choices in the
 * real order, the real defaults, and yargs' own "Invalid values" message for a value outside the choices.
 */
import { InvalidCommandInputError } from './errors.js';

export const FORMAT_CHOICES = ['modelgen', 'graphql-codegen', 'introspection'] as const;
export const MODEL_TARGET_CHOICES = ['java', 'swift', 'javascript', 'typescript', 'dart'] as const;
export const STATEMENT_TARGET_CHOICES = ['javascript', 'graphql', 'flow', 'typescript', 'angular'] as const;
export const TYPE_TARGET_CHOICES = ['json', 'swift', 'typescript', 'flow', 'scala', 'flow-modern', 'angular'] as const;

export type GenerateApiCodeFormat = (typeof FORMAT_CHOICES)[number];
export type GenerateApiCodeModelTarget = (typeof MODEL_TARGET_CHOICES)[number];
export type GenerateApiCodeStatementTarget = (typeof STATEMENT_TARGET_CHOICES)[number];
export type GenerateApiCodeTypeTarget = (typeof TYPE_TARGET_CHOICES)[number];

/** The command's flags, camel-cased (`--model-target` → `modelTarget`); every one optional as on the CLI. */
export type GraphqlClientCodeFlags = {
  format?: string;
  out?: string;
  modelTarget?: string;
  statementTarget?: string;
  typeTarget?: string;
  modelGenerateIndexRules?: boolean;
  modelEmitAuthProvider?: boolean;
  modelRespectPrimaryKeyAttributesOnConnectionField?: boolean;
  modelGenerateModelsForLazyLoadAndCustomSelectionSet?: boolean;
  modelAddTimestampFields?: boolean;
  modelHandleListNullabilityTransparently?: boolean;
  statementMaxDepth?: number;
  statementTypenameIntrospection?: boolean;
  typeMultipleSwiftFiles?: boolean;
};

/** Resolved options, as the real command hands them to `@aws-amplify/model-generator`. */
export type ResolvedGenerateOptions =
  | {
      format: 'modelgen';
      modelTarget: GenerateApiCodeModelTarget;
      generateIndexRules?: boolean;
      emitAuthProvider?: boolean;
      respectPrimaryKeyAttributesOnConnectionField?: boolean;
      generateModelsForLazyLoadAndCustomSelectionSet?: boolean;
      addTimestampFields?: boolean;
      handleListNullabilityTransparently?: boolean;
    }
  | {
      format: 'graphql-codegen';
      statementTarget: GenerateApiCodeStatementTarget;
      typeTarget?: GenerateApiCodeTypeTarget;
      maxDepth?: number;
      typeNameIntrospection?: boolean;
      multipleSwiftFiles?: boolean;
    }
  | { format: 'introspection' };

/** Type target used when `--type-target` is absent (javascript and graphql statements get no types). */
export const DEFAULT_TYPE_TARGET_FOR_STATEMENT_TARGET: Record<GenerateApiCodeStatementTarget, GenerateApiCodeTypeTarget | undefined> = {
  javascript: undefined,
  typescript: 'typescript',
  graphql: undefined,
  flow: 'flow',
  angular: 'angular',
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const choice = <T extends string>(flag: string, value: string | undefined, choices: readonly T[]): T | undefined => {
  if (value === undefined) return undefined;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new InvalidCommandInputError(
    `Invalid values:\n  Argument: ${kebab(flag)}, Given: ${JSON.stringify(value)}, Choices: ${choices.map((c) => JSON.stringify(c)).join(', ')}`,
    `Run 'ampx generate graphql-client-code --help' for the accepted values.`,
  );
};

const defined = <T extends object>(entries: T): T =>
  Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as T;

/** Apply the real defaults (`graphql-codegen`, `typescript`, types derived from statements) and check choices. */
export const resolveGenerateOptions = (flags: GraphqlClientCodeFlags): ResolvedGenerateOptions => {
  const format = choice('format', flags.format, FORMAT_CHOICES) ?? 'graphql-codegen';
  const modelTarget = choice('modelTarget', flags.modelTarget, MODEL_TARGET_CHOICES);
  const statementTarget = choice('statementTarget', flags.statementTarget, STATEMENT_TARGET_CHOICES);
  const typeTarget = choice('typeTarget', flags.typeTarget, TYPE_TARGET_CHOICES);
  if (flags.statementMaxDepth !== undefined && !Number.isFinite(flags.statementMaxDepth)) {
    // yargs turns a non-numeric `--statement-max-depth` into NaN; the generator would silently use depth NaN.
    throw new InvalidCommandInputError('Invalid value for --statement-max-depth: expected a number.', 'Pass an integer such as 2.');
  }
  switch (format) {
    case 'modelgen':
      return defined({
        format,
        modelTarget: modelTarget ?? 'typescript',
        generateIndexRules: flags.modelGenerateIndexRules,
        emitAuthProvider: flags.modelEmitAuthProvider,
        respectPrimaryKeyAttributesOnConnectionField: flags.modelRespectPrimaryKeyAttributesOnConnectionField,
        generateModelsForLazyLoadAndCustomSelectionSet: flags.modelGenerateModelsForLazyLoadAndCustomSelectionSet,
        addTimestampFields: flags.modelAddTimestampFields,
        handleListNullabilityTransparently: flags.modelHandleListNullabilityTransparently,
      });
    case 'graphql-codegen': {
      const statements = statementTarget ?? 'typescript';
      return defined({
        format,
        statementTarget: statements,
        typeTarget: typeTarget ?? DEFAULT_TYPE_TARGET_FOR_STATEMENT_TARGET[statements],
        maxDepth: flags.statementMaxDepth,
        typeNameIntrospection: flags.statementTypenameIntrospection,
        multipleSwiftFiles: flags.typeMultipleSwiftFiles,
      });
    }
    case 'introspection':
      return { format };
  }
};
