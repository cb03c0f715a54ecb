import type { Result } from '../checks/result.js';

/** A result's evidence as plain text: `> METHOD url`, `< status` and the body, or `! error`. */
export function evidenceText(result: Result): string | undefined {
  const evidence = result.evidence;
  if (!evidence) return undefined;
  const lines = [`> ${evidence.request.method} ${evidence.request.url}`];
  if (evidence.response) lines.push(`< ${evidence.response.status}`, evidence.response.body);
  if (evidence.error) lines.push(`! ${evidence.error}`);
  return lines.join('\n');
}
