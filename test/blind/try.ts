// dev driver: npx tsx test/blind/try.ts atlas FAULT
import type { AddressInfo } from 'node:net';
import { atlasApp, type AtlasFault } from '../fixtures/blind/atlas/app.js';
import { atlasConfig } from '../fixtures/blind/atlas/config.js';
import { describeFailures, gate } from './harness.js';

const [, , api, fault = 'correct'] = process.argv;
if (api === 'atlas') {
  const run = await gate(atlasConfig(), async () => {
    const app = atlasApp(fault as AtlasFault);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    return { origin: `http://127.0.0.1:${port}`, close: () => app.close() };
  }, { basePath: process.env.BASE ?? '/v2', via: process.env.VIA === 'command' ? 'command' : 'process' });
  console.log(run.stdout.split('\n').slice(-3).join('\n'));
  console.log('code', run.code, run.stderr);
  console.log(describeFailures(run.report));
  if (process.env.SKIPS) console.log(run.report.results.filter((r) => r.outcome === 'skip').map((r) => `skip ${r.check} ${r.operation ?? ''} ${r.identity ?? ''}: ${r.message} [${r.enableWith}]`).join('\n'));
}
if (api === 'ledger') {
  const { ledgerApp } = await import('../fixtures/blind/ledger/app.js');
  const { ledgerConfig } = await import('../fixtures/blind/ledger/config.js');
  const { listen } = await import('../http/servers.js');
  const run = await gate(await ledgerConfig(), () => listen(ledgerApp(fault as never)), { via: process.env.VIA === 'command' ? 'command' : 'process' });
  console.log(run.stdout.split('\n').slice(-3).join('\n'));
  console.log('code', run.code, run.stderr);
  console.log(describeFailures(run.report));
  if (process.env.SKIPS) console.log(run.report.results.filter((r) => r.outcome === 'skip').map((r) => `skip ${r.check} ${r.operation ?? ''} ${r.identity ?? ''}: ${r.message} [${r.enableWith}]`).join('\n'));
}
