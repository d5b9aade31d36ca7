/**
 * Type-checks generated TypeScript the way an app would compile it (strict, bundler resolution), in a temp
 * directory inside this package so `@aws-amplify/*` resolve from the repo's node_modules. Returns diagnostics
 * as `file(line): message` strings.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));

export const typeCheck = (files: Record<string, string>, check: string[] = Object.keys(files).filter((name) => name.endsWith('.ts'))): string[] => {
  const dir = mkdtempSync(path.join(packageDir, '.tsc-check-'));
  try {
    for (const [name, contents] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), contents);
    }
    const program = ts.createProgram(
      check.map((name) => path.join(dir, name)),
      { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, types: [] },
    );
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file ? `${path.relative(dir, diagnostic.file.fileName)}(${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1})` : 'tsc';
      return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
