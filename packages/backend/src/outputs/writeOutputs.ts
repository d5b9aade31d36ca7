import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { BackendDefinitionError } from '../errors.js';
import type { RenderedOutputs } from './renderOutputs.js';

/**
 * Writes a rendered outputs file into `dir` (created recursively) atomically: a temp file beside it,
 * then a rename, so a front-end dev server never reads half a file. Returns the file's path.
 */
export async function writeOutputs(dir: string, rendered: RenderedOutputs): Promise<string> {
  const outDir = resolve(dir);
  try {
    await mkdir(outDir, { recursive: true });
  } catch (err) {
    throw new BackendDefinitionError('InvalidPathError', `Directory ${outDir} could not be created.`, 'Check that the path is valid and you can create it.', { cause: err });
  }
  const file = join(outDir, rendered.fileName);
  const temp = join(outDir, `.${rendered.fileName}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, rendered.contents);
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    if ((err as NodeJS.ErrnoException).code === 'EACCES' || (err as NodeJS.ErrnoException).code === 'EPERM') {
      throw new BackendDefinitionError('PermissionsError', `You do not have the permissions to write to this file: ${file}`, `Ensure that you have the right permissions to write to ${file}.`, { cause: err });
    }
    throw err;
  }
  return file;
}
