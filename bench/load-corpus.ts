/**
 * Loads every document of the shared corpus (../shared/specs, listed in its INDEX.md) with loadSpec and
 * prints, per document: operations, load + normalise time (cold: first load in a fresh process; warm:
 * a second load), and peak RSS growth during the cold load; then totals.
 *
 * Each document loads in its own child process so that its memory peak is its own.
 * Run: npx tsx bench/load-corpus.ts
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../src/spec/load.js';
import { readCorpusIndex, type CorpusDocument } from '../test/spec/corpus-index.js';

interface Measure {
  operations: number;
  coldMs: number;
  warmMs: number;
  peakGrowthBytes: number;
}

async function measure(file: string): Promise<Measure> {
  const rssBefore = process.memoryUsage.rss();
  let start = performance.now();
  const spec = await loadSpec(file);
  const coldMs = performance.now() - start;
  const peakGrowthBytes = process.resourceUsage().maxRSS * 1024 - rssBefore;
  start = performance.now();
  await loadSpec(file);
  return { operations: spec.operations.length, coldMs, warmMs: performance.now() - start, peakGrowthBytes };
}

function inChild(file: string): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child', file], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (message) => resolve(message as Measure));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`loading ${file} exited with code ${code}`));
    });
  });
}

const kb = (bytes: number) => (bytes / 1024).toFixed(0);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const ms = (value: number) => value.toFixed(0);

async function main(): Promise<void> {
  const documents = readCorpusIndex();
  const rows: (CorpusDocument & Measure)[] = [];
  console.log(`${'document'.padEnd(48)} ${'KiB'.padStart(6)} ${'ops'.padStart(5)} ${'cold ms'.padStart(8)} ${'warm ms'.padStart(8)} ${'peak RSS +MiB'.padStart(14)}`);
  for (const document of documents) {
    const result = await inChild(document.file);
    rows.push({ ...document, ...result });
    console.log(
      `${document.path.padEnd(48)} ${kb(document.bytes).padStart(6)} ${String(result.operations).padStart(5)} ${ms(result.coldMs).padStart(8)} ${ms(result.warmMs).padStart(8)} ${mb(result.peakGrowthBytes).padStart(14)}`,
    );
  }
  const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const largest = rows.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const slowest = rows.reduce((a, b) => (b.coldMs > a.coldMs ? b : a));
  console.log(
    `\ntotal: ${rows.length} documents, ${mb(sum((row) => row.bytes))} MiB of root documents, ${sum((row) => row.operations)} operations, ` +
      `${ms(sum((row) => row.coldMs))} ms cold, ${ms(sum((row) => row.warmMs))} ms warm`,
  );
  console.log(`largest: ${largest.path} (${mb(largest.bytes)} MiB, ${largest.operations} ops): ${ms(largest.coldMs)} ms cold, +${mb(largest.peakGrowthBytes)} MiB peak RSS`);
  console.log(`slowest: ${slowest.path}: ${ms(slowest.coldMs)} ms cold, ${ms(slowest.warmMs)} ms warm, +${mb(slowest.peakGrowthBytes)} MiB peak RSS`);
}

const childAt = process.argv.indexOf('--child');
const childFile = childAt === -1 ? undefined : process.argv[childAt + 1];
if (childFile === undefined) {
  await main();
} else {
  process.send?.(await measure(childFile));
  process.disconnect?.();
}
