import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AmplifyUserError } from '../errors.js';

export interface Project {
  root: string;
  /** `package.json#name`: the backend namespace. */
  name: string;
}

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

/**
 * The project root is the nearest folder (from cwd up) holding both `package.json` and `amplify/`;
 * failing that, the nearest with a `package.json` (secrets need only a name, as in the real tool).
 */
export function findProject(cwd = process.cwd()): Project {
  let firstWithPackage: string | undefined;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      firstWithPackage ??= dir;
      if (isDir(join(dir, 'amplify'))) return { root: dir, name: readPackageName(pkg) };
    }
    if (dirname(dir) === dir) break;
  }
  if (firstWithPackage) return { root: firstWithPackage, name: readPackageName(join(firstWithPackage, 'package.json')) };
  throw new AmplifyUserError('InvalidPackageJsonError', {
    message: `Could not find a package.json file at ${join(resolve(cwd), 'package.json')}`,
    resolution: "Run ampx commands in the root of your project (the parent of the 'amplify' directory), which must have a package.json with a \"name\" field.",
  });
}

function readPackageName(file: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new AmplifyUserError('InvalidPackageJsonError', {
      message: `Could not parse the contents of ${file}`,
      resolution: 'Fix the JSON syntax of package.json.',
      cause,
    });
  }
  const name = (parsed as { name?: unknown })?.name;
  if (typeof name !== 'string' || name.trim() === '') {
    throw new AmplifyUserError('InvalidPackageJsonError', {
      message: 'Cannot load name from the package.json',
      resolution:
        "Ensure you are running ampx commands in root of your project (i.e. in the parent of the 'amplify' directory).\nAlso ensure that your root package.json file has a \"name\" field.",
    });
  }
  return name;
}
