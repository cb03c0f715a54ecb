import type { Result } from '../checks/result.js';
import { SCRIPT, STYLE } from './html-assets.js';
import { OUTCOME_LABEL, renderDetail } from './html-detail.js';
import { escapeHtml } from './html-escape.js';
import { writeReportFile } from './json.js';
import type { Report } from './model.js';
import type { Reporter } from './reporter.js';
import { familyOf, groupBy, worstOutcome } from './verdict.js';

const MARK = { pass: '✓', fail: '✗', error: '!', skip: '○', accepted: '≈' } as const;
type CellVerdict = keyof typeof MARK;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

/**
 * The report as one self-contained page (inline style and script, nothing fetched): an operations × checks
 * matrix of coloured verdicts, each cell opening its findings, hints and redacted evidence, with filters by
 * family and by outcome.
 */
export function renderHtml(report: Report): string {
  const checks = [...new Set(report.results.map((r) => r.check))];
  const families = [...new Set(checks.map(familyOf))];
  const columns = families.flatMap((family) => checks.filter((check) => familyOf(check) === family));
  const cells = groupBy(report.results, (r) => `${r.operation} ${r.check}`);
  const operations = [...new Set(report.results.map((r) => r.operation))].sort(byOperation);
  const details: string[] = [];

  const rows = operations.map((operation) => {
    const tds = columns.map((check) => {
      const results = cells.get(`${operation} ${check}`);
      if (!results) return `<td class="none" data-family="${escapeHtml(familyOf(check))}"></td>`;
      const id = `c${details.length + 1}`;
      details.push(renderDetail(id, check, operation, results));
      const verdict = cellVerdict(results);
      const count = results.length > 1 ? ` ${results.length}` : '';
      const label = `${check} on ${operation === '*' ? 'the API' : operation}: ${verdict === 'accepted' ? 'accepted' : OUTCOME_LABEL[verdict]}`;
      return `<td class="cell ${verdict}" data-family="${escapeHtml(familyOf(check))}" data-outcome="${verdict}"><button type="button" data-cell="${id}" aria-label="${escapeHtml(label)}" title="${escapeHtml(label)}">${MARK[verdict]}${count}</button></td>`;
    });
    return `<tr><th scope="row">${escapeHtml(operation === '*' ? 'API-wide' : operation)}</th>${tds.join('')}</tr>`;
  });

  const familyHeads = families.map((family) => {
    const span = columns.filter((check) => familyOf(check) === family).length;
    return `<th colspan="${span}" data-family="${escapeHtml(family)}">${escapeHtml(family)}</th>`;
  });
  const checkHeads = columns.map((check) => `<th data-family="${escapeHtml(familyOf(check))}" title="${escapeHtml(check)}">${escapeHtml(check.slice(check.indexOf('.') + 1))}</th>`);
  const { summary, spec } = report;
  const title = `specgate — ${spec.title} ${spec.version}`;
  const hasAccepted = report.results.some((r) => r.accepted);

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">OpenAPI ${escapeHtml(spec.openapi)} · ${spec.operations} operations · ${escapeHtml(report.baseUrl)} · specgate ${escapeHtml(report.version)}${report.shard ? ` · shard ${report.shard.index}/${report.shard.total}` : ''} · ${summary.requests} requests in ${(summary.durationMs / 1000).toFixed(2)} s</p>
<ul class="counts">
<li class="pass"><span data-count="passed">${summary.passed}</span> passed</li>
<li class="fail"><span data-count="failed">${summary.failed}</span> failed</li>
<li class="skip"><span data-count="skipped">${summary.skipped}</span> skipped</li>
<li class="error"><span data-count="errored">${summary.errored}</span> errored</li>
${hasAccepted ? `<li class="accepted"><span data-count="accepted">${report.results.filter((r) => r.accepted).length}</span> accepted by the baseline</li>\n` : ''}</ul>
</header>
<form id="filters" class="filters">
<fieldset><legend>Families</legend>${families.map((f) => `<label><input type="checkbox" name="family" value="${escapeHtml(f)}" checked> ${escapeHtml(f)}</label>`).join('')}</fieldset>
<label>Outcome <select id="outcome">
<option value="all">all</option><option value="fail">failed</option><option value="error">errored</option><option value="skip">skipped</option><option value="pass">passed</option>${hasAccepted ? '<option value="accepted">accepted</option>' : ''}
</select></label>
<span id="shown"></span>
</form>
<main>
<div class="matrix-wrap">
<table class="matrix">
<thead>
<tr><th rowspan="2">operation</th>${familyHeads.join('')}</tr>
<tr class="checks">${checkHeads.join('')}</tr>
</thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>
<aside id="panel" aria-live="polite">
<p class="placeholder">Select a cell to see its findings, hint and evidence.</p>
${details.join('\n')}
</aside>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function cellVerdict(results: readonly Result[]): CellVerdict {
  const worst = worstOutcome(results);
  return worst === 'fail' && results.every((r) => r.outcome !== 'fail' || r.accepted) ? 'accepted' : worst;
}

/** Operations in key order, the API-wide row last. */
function byOperation(a: string, b: string): number {
  if (a === '*' || b === '*') return a === '*' ? (b === '*' ? 0 : 1) : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function htmlReporter(file: string): Reporter {
  return { onReport: (report) => writeReportFile(file, renderHtml(report)) };
}
