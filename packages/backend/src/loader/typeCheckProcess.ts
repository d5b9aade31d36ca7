// Child-process entry: `node --import tsx typeCheckProcess.ts <projectRoot>` prints the type check
// result as one JSON line. The compiler takes seconds; a child keeps the sandbox's cloud responsive.
import { typeCheckBackend } from './typeCheckBackend.js';

const result = await typeCheckBackend(process.argv[2]!);
process.stdout.write(JSON.stringify({ skipped: result.skipped, diagnostics: result.diagnostics, details: result.error?.details }) + '\n');
