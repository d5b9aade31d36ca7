import { loadBackend } from './loader/loadBackend.js';
for (const app of ['docs-app', 'docs-totp', 'docs-email-mfa']) {
  const t = Date.now();
  const m = await loadBackend(`/work/shared/examples/${app}`);
  console.log(app, Date.now() - t, 'ms', JSON.stringify(m, null, 1).slice(0, 3000));
}
const t = Date.now();
await loadBackend(`/work/shared/examples/docs-app`);
console.log('reload', Date.now() - t);
