import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readCorpusIndex } from '../spec/corpus-index.js';
import { runCli } from '../cli/cli.js';
import { STACK_TRACE } from './gate.js';
import { SpecLoader, type Loaded } from './spec-loader.js';

/** The corpus documents under 50 kB that stand alone (no `$ref` into other files): mutated copies still resolve. */
const DOCUMENTS = readCorpusIndex()
  .filter((entry) => entry.bytes < 50_000)
  .map((entry) => ({ name: entry.path, document: parseYaml(readFileSync(entry.file, 'utf8')) as unknown }))
  .filter(({ document }) => !JSON.stringify(document).match(/"\$ref":"[^#]/));

const DEEP = '"__specgate_deep__"';
type Key = string | number;

type Mutation =
  | { kind: 'drop' }
  | { kind: 'retype'; value: unknown }
  | { kind: 'ref'; ref: string }
  | { kind: 'cycle'; up: number }
  | { kind: 'huge-string'; asKey: boolean }
  | { kind: 'deep'; depth: number; open: '{"a":' | '[' };

const mutation: fc.Arbitrary<{ at: number; change: Mutation }> = fc.record({
  at: fc.nat(),
  change: fc.oneof(
    fc.constant({ kind: 'drop' as const }),
    fc.record({ kind: fc.constant('retype' as const), value: fc.constantFrom<unknown>(null, 0, -1, 1e308, true, '', 'x', [], {}, [null], { $ref: 5 }, { type: 'nonsense' }) }),
    fc.record({
      kind: fc.constant('ref' as const),
      ref: fc.constantFrom('#/components/schemas/Nope', '#/nope', '#/paths/~1nope/get', '#/paths/%ZZ', 'missing.yaml#/x', '../../etc/passwd', 'https://example.invalid/x.json', 'http://[::1', '', '#'),
    }),
    fc.record({ kind: fc.constant('cycle' as const), up: fc.nat({ max: 6 }) }),
    fc.record({ kind: fc.constant('huge-string' as const), asKey: fc.boolean() }),
    fc.record({ kind: fc.constant('deep' as const), depth: fc.constantFrom(100, 1_000, 50_000), open: fc.constantFrom('{"a":' as const, '[' as const) }),
  ),
});

let dir: string;
let loader: SpecLoader;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'specgate-spec-fuzz-'));
  loader = new SpecLoader();
});
afterAll(async () => {
  await loader.close();
  await rm(dir, { recursive: true, force: true });
});

test('mutated corpus documents load, or fail as a UsageError naming the file and where; never a crash or a hang', async () => {
  expect(DOCUMENTS.length).toBeGreaterThanOrEqual(8);
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...DOCUMENTS), fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.integer({ min: 1, max: 99 }), weight: 1 }), fc.boolean(), async ({ document }, mutations, cutPercent, asYaml) => {
      const file = path.join(dir, `case-${n++}.${asYaml ? 'yaml' : 'json'}`);
      let text = mutate(structuredClone(document), mutations);
      if (cutPercent !== undefined) text = text.slice(0, Math.floor((text.length * cutPercent) / 100));
      // JSON is YAML too: a leading comment makes the loader take the YAML parser.
      await writeFile(file, asYaml ? `# mutated\n${text}` : text);
      const loaded = await loader.load(file, 10_000);
      expect(verdict(loaded, file)).toBe('ok');
    }),
    { numRuns: 100 },
  );
}, 120_000);

test.concurrent.each([
  ['nests 50,000 levels deep', 'deep.json', `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},"x-deep":${'['.repeat(50_000)}${']'.repeat(50_000)}}`, /deep\.json#\/x-deep(\/0)+: nests deeper than 128 levels/],
  ['refers to itself', 'cycle.yaml', 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    $ref: "#/paths/~1a"\n', /cycle\.yaml#\/paths\/~1a: \$ref "#\/paths\/~1a" leads back to itself/],
  ['points nowhere', 'dangling.yaml', 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "200": {$ref: "#/components/responses/Gone"}\n', /dangling\.yaml#\/paths\/~1a\/get\/responses\/200: \$ref "#\/components\/responses\/Gone" cannot be resolved/],
])('through the CLI, a document that %s: exit 2 with the file and the pointer', async (_, name, text, says) => {
  const file = path.join(dir, name);
  await writeFile(file, text);
  const run = await runCli(['list', '--spec', file]);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(says);
  expect(run.stderr).not.toMatch(STACK_TRACE);
});

function verdict(loaded: Loaded, file: string): string {
  if ('operations' in loaded) return 'ok';
  if ('hung' in loaded) return `hung for ${loaded.hung} ms`;
  if ('crashed' in loaded) return `crashed: ${loaded.crashed}`;
  if (loaded.name !== 'UsageError') return `${loaded.name}: ${loaded.message.slice(0, 300)}`;
  const where = new RegExp(`^${escape(file)}(#\\S*|:\\d+:\\d+)?: |^${escape(dir)}`);
  return where.test(loaded.message) ? 'ok' : `unclear: ${loaded.message.slice(0, 300)}`;
}

function mutate(document: unknown, mutations: { at: number; change: Mutation }[]): string {
  let deep = '';
  for (const { at, change } of mutations) {
    const all = paths(document);
    const target = all[at % all.length]!;
    const replace = (value: unknown) => set(document, target, value);
    switch (change.kind) {
      case 'drop':
        if (target.length > 0) remove(document, target);
        break;
      case 'retype':
        if (target.length > 0) replace(change.value);
        break;
      case 'ref':
        if (target.length > 0) replace({ $ref: change.ref });
        break;
      case 'cycle':
        if (target.length > 0) replace({ $ref: `#${toPointer(target.slice(0, Math.max(0, target.length - change.up)))}` });
        break;
      case 'huge-string':
        if (change.asKey && isObject(get(document, target))) (get(document, target) as Record<string, unknown>)['k'.repeat(1 << 18)] = 1;
        else if (target.length > 0) replace('x'.repeat(2 << 20));
        break;
      case 'deep':
        if (target.length === 0) break;
        replace(JSON.parse(DEEP));
        deep = change.open.repeat(change.depth) + '1' + (change.open === '[' ? ']' : '}').repeat(change.depth);
    }
  }
  return JSON.stringify(document).replace(DEEP, deep || '0');
}

/** Every node's path (keys from the root), breadth first, at most 5000. */
function paths(root: unknown): Key[][] {
  const found: Key[][] = [[]];
  for (let i = 0; i < found.length && found.length < 5000; i++) {
    const node = get(root, found[i]!);
    if (node && typeof node === 'object') for (const key of Array.isArray(node) ? node.keys() : Object.keys(node)) found.push([...found[i]!, key]);
  }
  return found;
}

function get(root: unknown, at: Key[]): unknown {
  return at.reduce<unknown>((node, key) => (node as Record<Key, unknown>)[key], root);
}

function set(root: unknown, at: Key[], value: unknown): void {
  (get(root, at.slice(0, -1)) as Record<Key, unknown>)[at.at(-1)!] = value;
}

function remove(root: unknown, at: Key[]): void {
  const parent = get(root, at.slice(0, -1));
  if (Array.isArray(parent)) parent.splice(at.at(-1) as number, 1);
  else delete (parent as Record<Key, unknown>)[at.at(-1)!];
}

function toPointer(at: Key[]): string {
  return at.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
