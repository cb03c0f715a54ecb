import { mediaType, type RecordedResponse } from '../http/exchange.js';
import { findDebugPage } from './debug-page.js';
import { findInternalPath } from './internal-path.js';
import { findStackTrace } from './stack-trace.js';
import { textsOf } from './texts.js';

/** What a response body gives away about the server: a debug page, a stack trace, or an internal file path. */
export interface BodyLeak {
  kind: 'debug-page' | 'stack-trace' | 'internal-path';
  /** Names the leak for a message: `a Node.js stack trace (7 frames)`. */
  what: string;
  excerpt: string;
  /** True when the leak lets a visitor run code (an interactive debugger). */
  critical: boolean;
}

/**
 * The first leak in a response body. Stack traces and debug pages count in any response; file paths only in
 * error responses, where data that merely looks like a path is unlikely.
 */
export function findBodyLeak(response: RecordedResponse): BodyLeak | undefined {
  if (response.body === '') return undefined;
  const texts = textsOf(response.body, mediaType(response));
  const trace = texts.map(findStackTrace).find((found) => found !== undefined);
  const traceName = trace && `a ${trace.language} stack trace (${trace.frames} frames)`;
  const page = findDebugPage(response.body);
  if (page) {
    const what = traceName ? `${page.name} with ${traceName}` : page.name;
    return { kind: 'debug-page', what, excerpt: page.excerpt, critical: page.critical };
  }
  if (trace) return { kind: 'stack-trace', what: traceName!, excerpt: trace.excerpt, critical: false };
  if (response.status < 400) return undefined;
  for (const text of texts) {
    const path = findInternalPath(text);
    if (path) return { kind: 'internal-path', what: `the server file path ${path}`, excerpt: path, critical: false };
  }
  return undefined;
}
