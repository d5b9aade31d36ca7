import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { BackendDefinitionError } from '../errors.js';

export interface TypeCheckDiagnostic {
  /** Path relative to the project root, when the diagnostic has a file. */
  file?: string;
  line?: number;
  column?: number;
  code: number;
  message: string;
}

export interface TypeCheckResult {
  /** True when there is no `amplify/tsconfig.json` (the real tool skips the check then). */
  skipped: boolean;
  diagnostics: TypeCheckDiagnostic[];
  /** `SyntaxError: TypeScript validation check failed.` with the formatted diagnostics as details, when any. */
  error?: BackendDefinitionError;
}

const PACKAGE_SRC = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * The sandbox's type check gate: the TypeScript compiler on `amplify/tsconfig.json` with `skipLibCheck`
 * and `noEmit`, as the real deployer runs it. `@aws-amplify/backend` (and `@aws-amplify/data-schema`
 * when the project has none) resolve to Sandlot's copies; diagnostics inside Sandlot's files are dropped.
 */
export async function typeCheckBackend(projectRoot: string): Promise<TypeCheckResult> {
  const tsconfig = join(projectRoot, 'amplify', 'tsconfig.json');
  if (!existsSync(tsconfig)) return { skipped: true, diagnostics: [] };
  const ts = (await import('typescript')).default;
  const read = ts.readConfigFile(tsconfig, ts.sys.readFile);
  const diagnostics: TypeCheckDiagnostic[] = [];
  const toDiagnostic = (d: import('typescript').Diagnostic): TypeCheckDiagnostic => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return { code: d.code, message };
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return { file: relative(projectRoot, d.file.fileName), line: line + 1, column: character + 1, code: d.code, message };
  };
  if (read.error) diagnostics.push(toDiagnostic(read.error));
  else {
    const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(tsconfig), undefined, tsconfig);
    const paths: Record<string, string[]> = { ...parsed.options.paths, '@aws-amplify/backend': [join(PACKAGE_SRC, 'index.ts')] };
    const projectRequire = createRequire(join(projectRoot, 'package.json'));
    const resolvable = (name: string) => {
      try {
        projectRequire.resolve(`${name}/package.json`);
        return true;
      } catch {
        return false;
      }
    };
    if (!resolvable('@aws-amplify/data-schema')) paths['@aws-amplify/data-schema'] = [dirname(createRequire(import.meta.url).resolve('@aws-amplify/data-schema/package.json'))];
    const options = { ...parsed.options, skipLibCheck: true, noEmit: true, incremental: false, paths };
    const program = ts.createProgram({ rootNames: parsed.fileNames, options, projectReferences: parsed.projectReferences });
    const all = [...parsed.errors, ...ts.getPreEmitDiagnostics(program)].filter((d) => d.category === ts.DiagnosticCategory.Error);
    for (const d of all) if (!d.file || !d.file.fileName.startsWith(PACKAGE_SRC)) diagnostics.push(toDiagnostic(d));
  }
  if (!diagnostics.length) return { skipped: false, diagnostics };
  const details = diagnostics.map((d) => `${d.file ? `${d.file}:${d.line}:${d.column} - ` : ''}error TS${d.code}: ${d.message}`).join('\n');
  return { skipped: false, diagnostics, error: new BackendDefinitionError('SyntaxError', 'TypeScript validation check failed.', 'Fix the syntax and type errors in your amplify folder.', { details }) };
}
