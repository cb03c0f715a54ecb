import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../src/report/model.js';
import { startRegistry } from './api/server.js';

// `npm run demo`: start the example API on a free loopback port, run the real specgate CLI against it,
// show its output, and confirm it caught the bug the example carries on purpose.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { server, baseUrl } = await startRegistry();
const out = await mkdtemp(path.join(tmpdir(), 'specgate-demo-'));
const jsonFile = path.join(out, 'specgate.json');
const args = ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'run', '--config', path.join(root, 'examples/specgate.config.json'), '--base-url', baseUrl, '--json', jsonFile, '--allow-destructive', ...process.argv.slice(2)];
console.log(`$ specgate run --config examples/specgate.config.json --base-url ${baseUrl} --json ${jsonFile} --allow-destructive\n`);
console.log('(--allow-destructive: the example API keeps its data in memory and is started afresh for the demo)\n');
const code = await new Promise<number>((resolve) => {
  spawn(process.execPath, args, { stdio: 'inherit', cwd: root }).on('exit', (status) => resolve(status ?? 1));
});
server.close();

const report = JSON.parse(await readFile(jsonFile, 'utf8')) as Report;
const caught = report.results.find((r) => r.check === 'paths.resolves' && r.operation === 'GET /models/{model_id}/versions' && r.outcome === 'fail');
const passing = report.results.filter((r) => r.outcome === 'pass').length;
if (code === 1 && caught && passing > 0) {
  console.log(`\ndemo: specgate exited ${code} (gate failed) — ${passing} checks passed and it caught the example's seeded bug:`);
  console.log(`  ${caught.operation}: ${caught.message}\n  hint: ${caught.hint}`);
  console.log(`the full JSON report is in ${jsonFile}`);
} else {
  console.error(`\ndemo: unexpected outcome (exit ${code}, seeded bug ${caught ? 'found' : 'not found'}, ${passing} passed)`);
  process.exitCode = 1;
}
