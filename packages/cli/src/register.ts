/**
 * `node --import sandlot/register app.mjs`: points the unmodified app at the running local cloud, found
 * in `SANDLOT_ENDPOINT` or `.amplify/sandlot/endpoint.json`. Without either it does nothing. (`localAmplifyConfig`
 * lives in `register/configure.ts` so this preload never loads aws-amplify.)
 */
import { install } from './register/install.js';
import { readEndpoint } from './register/endpointFile.js';

export { install, type InstallOptions } from './register/install.js';

const endpoint = readEndpoint(process.env, process.cwd());
if (endpoint) install({ endpoint });
