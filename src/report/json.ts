import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Report } from './model.js';
import type { Reporter } from './reporter.js';

/** The report as DESIGN.md's JSON. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export async function writeReportFile(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, content);
}

export function jsonReporter(file: string): Reporter {
  return { onReport: (report) => writeReportFile(file, renderJson(report)) };
}
