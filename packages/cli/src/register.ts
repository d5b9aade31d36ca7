/**
 * `node --import sandlot/register app.mjs`: points the unmodified app at the running local cloud, found
 * in `SANDLOT_ENDPOINT` or `.amplify/sandlot/endpoint.json`. Without either it does nothing.
 */
import { install } from './register/install.js';
import { readEndpoint } from './register/endpointFile.js';

export { install, type InstallOptions } from './register/install.js';
export { localAmplifyConfig } from './register/configure.js';

const endpoint = readEndpoint(process.env, process.cwd());
if (endpoint) install({ endpoint });
