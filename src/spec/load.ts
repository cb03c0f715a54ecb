import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isUsageError, UsageError } from '../errors.js';
import { dereference } from './dereference.js';
import { fetchText, type SpecFetcher } from './fetch.js';
import type { ApiSpec } from './model.js';
import { normaliseDocument } from './normalise.js';
import { parseSpecText } from './parse.js';
import { asDocumentRoot, readVersion } from './shape.js';

export interface LoadSpecOptions {
  /** Fetches a URL source (default: Node's fetch). Only the source itself is fetched, never a referenced URL. */
  fetch?: SpecFetcher;
}

/**
 * Loads an API description (Swagger 2.0, OpenAPI 3.0.x or 3.1.x; JSON or YAML) from a file path or an
 * http(s) URL, resolves its `$ref`s (including relative references to other files) and normalises it.
 *
 * @throws UsageError SPECGATE_SPEC_NOT_FOUND when the source cannot be read, SPECGATE_SPEC_INVALID when
 *   the document is broken; the message names the file and a line/column or JSON pointer.
 */
export async function loadSpec(source: string, options: LoadSpecOptions = {}): Promise<ApiSpec> {
  const { url, text } = isHttpUrl(source) ? await fetchSource(source, options.fetch ?? fetchText) : await readSource(source);
  const document = asDocumentRoot(parseSpecText(text, source), source);
  readVersion(document, source);
  dereference(document, { url, name: source, load: (target) => loadReferencedFile(target, url) });
  return normaliseDocument(document, source);
}

function isHttpUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

async function fetchSource(source: string, fetch: SpecFetcher): Promise<{ url: string; text: string }> {
  const url = new URL(source);
  url.hash = '';
  let answer;
  try {
    answer = await fetch(url.href);
  } catch (cause) {
    if (isUsageError(cause)) throw cause; // e.g. a host the fetcher may not contact
    throw new UsageError('SPECGATE_SPEC_NOT_FOUND', `${source}: the API description could not be fetched: ${(cause as Error).message}`, {
      hint: 'check that the server is up and the URL is right, or pass a file path with --spec',
      cause,
    });
  }
  if (answer.status < 200 || answer.status > 299) {
    throw new UsageError('SPECGATE_SPEC_NOT_FOUND', `${source}: the server answered ${answer.status} instead of the API description`, {
      hint: 'check the --spec URL, or leave --spec out to discover the document from --base-url',
    });
  }
  return { url: url.href, text: answer.body };
}

async function readSource(source: string): Promise<{ url: string; text: string }> {
  const file = resolve(source);
  try {
    return { url: pathToFileURL(file).href, text: await readFile(file, 'utf8') };
  } catch (cause) {
    throw new UsageError('SPECGATE_SPEC_NOT_FOUND', `${source}: ${readProblem(cause)}`, {
      hint: `check the --spec path (relative paths start at ${process.cwd()})`,
      cause,
    });
  }
}

// Reads a local file that a `$ref` of a local document points to. Referenced URLs are never downloaded.
function loadReferencedFile(url: string, rootUrl: string): unknown {
  if (!url.startsWith('file:') || !rootUrl.startsWith('file:')) {
    const why = url.startsWith('file:') ? 'is not read for a document fetched from a URL' : 'is not fetched: specgate never downloads referenced documents';
    throw new UsageError('SPECGATE_SPEC_INVALID', `${url} ${why}`, {
      hint: 'bundle the API description into one file (e.g. `npx @redocly/cli bundle`) and pass that with --spec',
    });
  }
  const file = fileURLToPath(url);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new UsageError('SPECGATE_SPEC_INVALID', `${file}: ${readProblem(cause)}`, {
      hint: 'a relative $ref starts at the file that contains it: fix the path or add the missing file',
      cause,
    });
  }
  return parseSpecText(text, file);
}

function readProblem(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return `cannot be read (${(cause as Error).message})`;
}
