import type { Evidence, Outcome, Result } from '../checks/result.js';
import { escapeHtml } from './html-escape.js';

export const OUTCOME_LABEL: Record<Outcome, string> = { pass: 'passed', fail: 'failed', skip: 'skipped', error: 'errored' };

/** The findings of one matrix cell: verdict, message, hint, and the redacted request and response. */
export function renderDetail(id: string, check: string, operation: string, results: readonly Result[]): string {
  const where = operation === '*' ? 'the whole API' : `<code>${escapeHtml(operation)}</code>`;
  return `<article class="detail" id="d-${id}" hidden>
<h2><code>${escapeHtml(check)}</code> on ${where}</h2>
${results.map(renderResult).join('\n')}
</article>`;
}

function renderResult(result: Result): string {
  const label = result.accepted ? 'accepted' : OUTCOME_LABEL[result.outcome];
  const who = result.identity ? ` as <b>${escapeHtml(result.identity)}</b>` : '';
  const severity = result.outcome === 'fail' ? ` <span class="severity">${escapeHtml(result.severity)}</span>` : '';
  const lines = [
    `<section class="result ${result.outcome}">`,
    `<p class="verdict"><span class="badge ${result.accepted ? 'accepted' : result.outcome}">${label}</span>${severity}${who}</p>`,
    `<p class="message">${escapeHtml(result.message)}</p>`,
  ];
  if (result.accepted) lines.push('<p class="note">A known failure listed in the baseline: it does not fail the gate.</p>');
  if (result.hint) lines.push(`<p class="hint"><b>Hint:</b> ${escapeHtml(result.hint)}</p>`);
  if (result.enableWith) lines.push(`<p class="hint"><b>Enable with:</b> <code>${escapeHtml(result.enableWith)}</code></p>`);
  if (result.evidence) lines.push(renderEvidence(result.evidence));
  lines.push('</section>');
  return lines.join('\n');
}

function renderEvidence({ request, response, error }: Evidence): string {
  const blocks = [
    block('Request', [`${request.method} ${request.url}`, headerLines(request.headers), request.body === undefined ? '' : `\n${pretty(request.body)}`]),
  ];
  if (response) blocks.push(block('Response', [`HTTP ${response.status}`, headerLines(response.headers), response.body === '' ? '' : `\n${pretty(response.body)}`]));
  if (error !== undefined) blocks.push(block('Error', [error]));
  return `<div class="evidence">${blocks.join('')}</div>`;
}

function block(title: string, parts: string[]): string {
  const text = parts.filter((part) => part !== '').join('\n');
  return `<details open><summary>${title}</summary><pre>${escapeHtml(text)}</pre></details>`;
}

function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
