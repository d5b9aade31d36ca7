import type { Printer } from '../printer.js';
import { isPromptExit } from '../errors.js';

/**
 * The answer to the question Ctrl+C asks (delete the sandbox's resources?). A second Ctrl+C at the prompt means
 * No, quietly; any other failure to ask also keeps everything, but says what went wrong instead of hiding it.
 */
export async function askDeleteOnStop(confirm: () => Promise<boolean>, printer: Pick<Printer, 'error'>): Promise<boolean> {
  try {
    return await confirm();
  } catch (err) {
    if (!isPromptExit(err)) printer.error(`Could not ask whether to delete the sandbox (${(err as Error)?.message ?? String(err)}); nothing was deleted.`);
    return false;
  }
}
