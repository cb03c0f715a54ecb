import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { initCommand } from '../../src/cli/init.js';
import { parseConfig } from '../../src/config/load.js';
import { API_KEY_SPEC, BEARER_SPEC } from '../fixtures/auth/config.js';

let dir: string;
let output: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'specgate-init-'));
  output = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((output += String(chunk)), true));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const ENV = { SPECGATE_TENANT_A_BEARER: 't-a', SPECGATE_TENANT_B_BEARER: 't-b', SPECGATE_TENANT_A_API_KEY: 'k-a', SPECGATE_TENANT_B_API_KEY: 'k-b' };

describe('specgate init', () => {
  it('writes identities per scheme and tenant, fixtures per path parameter, and a spec path relative to the config', async () => {
    expect(await initCommand(['--spec', path.resolve(BEARER_SPEC)], dir)).toBe(0);
    const file = path.join(dir, 'specgate.config.json');
    const written = JSON.parse(await readFile(file, 'utf8'));
    expect(written.spec).toBe(path.relative(dir, path.resolve(BEARER_SPEC)).split(path.sep).join('/').replace(/^(?!\.)/, './'));
    expect(written.baseUrl).toBe('http://localhost/api');
    expect(written.identities).toEqual({
      'tenant-a-bearer': { tenant: 'tenant-a', role: 'admin', credentials: { bearer: '${SPECGATE_TENANT_A_BEARER}' } },
      'tenant-b-bearer': { tenant: 'tenant-b', role: 'admin', credentials: { bearer: '${SPECGATE_TENANT_B_BEARER}' } },
    });
    expect(written.fixtures).toEqual({ 'tenant-a': { model_id: '<model_id of a resource that exists in tenant-a>' }, 'tenant-b': { model_id: '<model_id of a resource that exists in tenant-b>' } });
    const config = parseConfig(written, file, ENV);
    expect(config.identities['tenant-a-bearer']!.credentials).toEqual({ bearer: 't-a' });
    expect(output).toContain('security schemes: bearer (http bearer)');
    expect(output).toContain('export SPECGATE_TENANT_A_BEARER, SPECGATE_TENANT_B_BEARER');
    expect(output).toContain('fixture model_id: an existing value per tenant (used by GET /models/{model_id}, DELETE /models/{model_id})');
    expect(output).toContain('POST /auth/token looks like a login');
  });

  it('writes YAML or TypeScript by the extension, with the base URL given', async () => {
    await initCommand(['--spec', path.resolve(API_KEY_SPEC), '--config', 'specgate.config.yaml', '--base-url', 'http://127.0.0.1:9000'], dir);
    const yaml = parseYaml(await readFile(path.join(dir, 'specgate.config.yaml'), 'utf8'));
    expect(yaml.baseUrl).toBe('http://127.0.0.1:9000');
    expect(Object.keys(yaml.identities)).toEqual(['tenant-a-apikey', 'tenant-b-apikey']);
    await rm(path.join(dir, 'specgate.config.yaml'));
    await initCommand(['--spec', path.resolve(API_KEY_SPEC), '--config', 'specgate.config.ts'], dir);
    expect(await readFile(path.join(dir, 'specgate.config.ts'), 'utf8')).toMatch(/^import \{ defineConfig \} from 'specgate';\n\nexport default defineConfig\(\{\n {2}"spec"/);
  });

  it('never overwrites a config without --force, nor writes one that another config would shadow', async () => {
    await writeFile(path.join(dir, 'specgate.config.json'), '{}');
    await expect(initCommand(['--spec', path.resolve(BEARER_SPEC)], dir)).rejects.toThrow('already exists');
    expect(await initCommand(['--spec', path.resolve(BEARER_SPEC), '--force'], dir)).toBe(0);
    await expect(initCommand(['--spec', path.resolve(BEARER_SPEC), '--config', 'specgate.config.yaml'], dir)).rejects.toThrow('specgate would read it instead');
  });
});
