/** The report page's inline style: no fonts, images or anything else fetched. */
export const STYLE = `
:root { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #fff; }
body { margin: 0; padding: 1.25rem 1.5rem; }
h1 { font-size: 1.35rem; margin: 0 0 .25rem; }
h2 { font-size: 1.05rem; margin: 0 0 .75rem; }
code, pre { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.meta { color: #59636e; margin: 0 0 .75rem; }
.counts { display: flex; gap: .5rem; list-style: none; padding: 0; margin: 0 0 .5rem; flex-wrap: wrap; }
.counts li { padding: .2rem .6rem; border-radius: 1rem; font-weight: 600; }
.summary { font-weight: 600; margin: 0 0 1rem; }
.filters { display: flex; gap: 1.5rem; align-items: center; flex-wrap: wrap; margin-bottom: .75rem; }
.filters fieldset { border: 0; padding: 0; margin: 0; display: flex; gap: .75rem; }
.filters legend { float: left; font-weight: 600; margin-right: .5rem; }
#shown { color: #59636e; }
main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(22rem, 38%); gap: 1.25rem; align-items: start; }
.matrix-wrap { overflow: auto; max-height: calc(100vh - 12rem); border: 1px solid #d1d9e0; border-radius: 6px; }
table { border-collapse: collapse; }
th, td { border: 1px solid #e5e9ed; padding: 0; }
thead th { position: sticky; top: 0; background: #f6f8fa; font-weight: 600; padding: .3rem .4rem; white-space: nowrap; }
thead tr.checks th { top: 1.9rem; writing-mode: vertical-rl; transform: rotate(180deg); text-align: left; max-height: 12rem; }
tbody th { text-align: left; padding: .25rem .6rem; white-space: nowrap; font-weight: 500; background: #fff; position: sticky; left: 0; }
td.cell button { all: unset; box-sizing: border-box; display: block; width: 100%; min-width: 2.4rem; height: 1.9rem; text-align: center; cursor: pointer; font-weight: 700; }
td.cell button:focus-visible, td.cell button.selected { outline: 3px solid #0969da; outline-offset: -3px; }
.pass { background: #dafbe1; color: #1a7f37; }
.fail { background: #ffebe9; color: #cf222e; }
.error { background: #fbefff; color: #8250df; }
.skip { background: #f6f8fa; color: #59636e; }
.accepted { background: repeating-linear-gradient(45deg, #fff8c5, #fff8c5 4px, #fff1a8 4px, #fff1a8 8px); color: #9a6700; }
td.dim { opacity: .25; }
td.none { background: #fff; }
#panel { border: 1px solid #d1d9e0; border-radius: 6px; padding: 1rem; position: sticky; top: 1rem; max-height: calc(100vh - 2rem); overflow: auto; }
.placeholder { color: #59636e; margin: 0; }
.result { border-left: 4px solid currentColor; padding: .25rem 0 .25rem .75rem; margin-bottom: 1rem; background: none; }
.result p { margin: .25rem 0; color: #1f2328; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 1rem; font-weight: 600; }
.severity { color: #59636e; font-size: .85em; text-transform: uppercase; }
.evidence details { margin: .4rem 0; }
.evidence summary { cursor: pointer; font-weight: 600; color: #1f2328; }
.evidence pre { background: #f6f8fa; color: #1f2328; padding: .5rem; border-radius: 4px; white-space: pre-wrap; word-break: break-word; margin: .25rem 0 0; max-height: 24rem; overflow: auto; }
`;

/** The report page's inline script: opens a cell's findings, and filters by family and by outcome. */
export const SCRIPT = `
(() => {
  const panel = document.getElementById('panel');
  const placeholder = panel.querySelector('.placeholder');
  let selected;
  for (const button of document.querySelectorAll('td.cell button')) {
    button.addEventListener('click', () => {
      selected?.classList.remove('selected');
      selected = button;
      button.classList.add('selected');
      placeholder.hidden = true;
      for (const detail of panel.querySelectorAll('.detail')) detail.hidden = detail.id !== 'd-' + button.dataset.cell;
    });
  }
  const filters = document.getElementById('filters');
  const rows = [...document.querySelectorAll('tbody tr')];
  const apply = () => {
    const families = new Set([...filters.querySelectorAll('input[name=family]:checked')].map((input) => input.value));
    const outcome = filters.querySelector('#outcome').value;
    for (const element of document.querySelectorAll('[data-family]')) element.hidden = !families.has(element.dataset.family);
    let shown = 0;
    for (const row of rows) {
      const cells = [...row.querySelectorAll('td.cell')].filter((cell) => !cell.hidden);
      const matches = cells.filter((cell) => outcome === 'all' || cell.dataset.outcome === outcome);
      for (const cell of cells) cell.classList.toggle('dim', !matches.includes(cell));
      row.hidden = matches.length === 0;
      if (!row.hidden) shown++;
    }
    document.getElementById('shown').textContent = 'showing ' + shown + ' of ' + rows.length + ' rows';
  };
  filters.addEventListener('change', apply);
  apply();
})();
`;
