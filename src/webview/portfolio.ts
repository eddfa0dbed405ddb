/**
 * Runs inside the portfolio webview. Receives rendered body HTML (src/render/portfolioView.ts)
 * and typed messages, never analyses; sorts the matrix by any column (numbers as numbers, empty
 * cells last), turns clicks into typed messages (open a value, New Analysis for a company, period
 * and pattern choices, export) and saves its state for the serializer. Every message is validated.
 */
import { parseToPortfolioWebview, parsePortfolioState, type FromPortfolioWebview, type PortfolioState } from '../render/portfolioProtocol';
import type { PreviewStyle } from '../render/protocol';

interface VsCodeApi {
  postMessage(message: FromPortfolioWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const content = document.getElementById('pa-content') as HTMLElement;

function initialState(): PortfolioState {
  try {
    return parsePortfolioState(JSON.parse(document.body.dataset.settings ?? '{}'));
  } catch {
    return {};
  }
}

let state: PortfolioState = initialState();

function save(patch: Partial<PortfolioState>): void {
  state = { ...state, ...patch };
  vscode.setState(state);
}

// ---- Sorting --------------------------------------------------------------------------------

function sortMatrix(): void {
  const table = content.querySelector<HTMLTableElement>('#pa-pf-matrix');
  const sort = state.sort ?? { column: '0', descending: false };
  if (!table?.tBodies[0]) return;
  const col = Number(sort.column);
  const headers = Array.from(table.tHead?.rows[0]?.cells ?? []);
  if (!Number.isInteger(col) || col < 0 || col >= headers.length) return;
  const rows = Array.from(table.tBodies[0].rows);
  const key = (row: HTMLTableRowElement): string => row.cells[col]?.dataset.sort ?? '';
  const numeric = col > 0;
  rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    // Rows with no value sort last whichever way the column is sorted.
    if (ka === '' || kb === '') return ka === kb ? 0 : ka === '' ? 1 : -1;
    const d = numeric ? Number(ka) - Number(kb) : ka.localeCompare(kb);
    return (sort.descending ? -d : d) || (a.dataset.subject ?? '').localeCompare(b.dataset.subject ?? '');
  });
  table.tBodies[0].append(...rows);
  headers.forEach((th, i) => th.setAttribute('aria-sort', i === col ? (sort.descending ? 'descending' : 'ascending') : 'none'));
}

// ---- Clicks ---------------------------------------------------------------------------------

content.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const open = target?.closest<HTMLElement>('.pa-pf-open, [data-uri][data-line]');
  if (open?.dataset.uri) {
    const line = Number(open.dataset.line);
    const character = Number(open.dataset.character ?? 0);
    if (Number.isInteger(line) && line >= 0) vscode.postMessage({ type: 'openValue', uri: open.dataset.uri, line, character: Number.isInteger(character) && character >= 0 ? character : 0 });
    return;
  }
  const company = target?.closest<HTMLElement>('.pa-pf-new');
  if (company?.dataset.company) {
    vscode.postMessage({ type: 'newAnalysis', companyId: company.dataset.company });
    return;
  }
  const sortButton = target?.closest<HTMLElement>('.pa-pf-sort');
  const th = sortButton?.closest<HTMLElement>('th[data-col]');
  if (th?.dataset.col) {
    const column = th.dataset.col;
    const descending = state.sort?.column === column ? !state.sort.descending : column !== '0';
    save({ sort: { column, descending } });
    sortMatrix();
    vscode.postMessage({ type: 'setSort', column, descending });
  }
});

content.addEventListener('change', (event) => {
  const select = event.target instanceof HTMLSelectElement ? event.target : null;
  if (select?.id === 'pa-pf-asof') {
    save({ asOf: select.value });
    vscode.postMessage({ type: 'setAsOf', period: select.value });
  } else if (select?.id === 'pa-pf-pattern' && select.value) {
    save({ patternId: select.value });
    vscode.postMessage({ type: 'setPattern', patternId: select.value });
  }
});

// ---- Toolbar --------------------------------------------------------------------------------

const styleButton = document.getElementById('pa-style-toggle');

function applyStyle(style: PreviewStyle): void {
  document.body.classList.toggle('pa-style-publication', style === 'publication');
  document.body.classList.toggle('pa-style-theme', style === 'theme');
  if (styleButton) {
    // The extension host wrote the labels, translated, on the button (a webview has no vscode.l10n).
    styleButton.textContent = (style === 'publication' ? styleButton.dataset.labelPublication : styleButton.dataset.labelTheme) ?? '';
    styleButton.setAttribute('aria-pressed', String(style === 'publication'));
  }
}

styleButton?.addEventListener('click', () => {
  const style: PreviewStyle = document.body.classList.contains('pa-style-publication') ? 'theme' : 'publication';
  applyStyle(style);
  save({ style });
  vscode.postMessage({ type: 'setStyle', style });
});
for (const format of ['html', 'csv', 'pdf'] as const) {
  document.getElementById(`pa-pf-export-${format}`)?.addEventListener('click', () => vscode.postMessage({ type: 'export', format }));
}

// ---- Messages -------------------------------------------------------------------------------

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseToPortfolioWebview(event.data);
  if (!message) return;
  if (message.type === 'update') {
    // The extension's renderer escaped every string; parsed inert in a template, then swapped in.
    const template = document.createElement('template');
    template.innerHTML = message.html;
    content.replaceChildren(template.content);
    sortMatrix();
  } else if (message.type === 'setStyle') {
    applyStyle(message.style);
    save({ style: message.style });
  }
});

vscode.setState(state);
sortMatrix();
