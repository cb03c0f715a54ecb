// `npm run bench`: every benchmark in this folder, one process each so their memory figures stay apart.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const only = process.argv.slice(2);
const scripts = readdirSync(here)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)));
let failed = 0;
for (const script of scripts) {
  console.log(`\n== ${script}`);
  const { status } = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, script)], { stdio: 'inherit', timeout: 600_000 });
  if (status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
