/**
 * Runs inside the portfolio webview. Receives the page's rendered HTML parts
 * (src/render/portfolioView.ts) and the matrix as compact data, never analyses; builds the matrix
 * (src/webview/portfolioMatrix.ts), applies patches (a changed part, a changed subject's row),
 * sorts the matrix by any column (numbers as numbers, empty cells last), turns clicks into typed
 * messages (open a value, New Analysis for a company, period and pattern choices, export) and
 * saves its state for the serializer. Every message is validated.
 */
import { ReceivedMessages } from '../render/portfolioDelivery';
import { messageNumber, parseMatrixData, parseToPortfolioWebview, parsePortfolioState, SECTION_NAMES, type FromPortfolioWebview, type MatrixData, type PortfolioSections, type PortfolioState } from '../render/portfolioProtocol';
import type { PreviewStyle } from '../render/protocol';
import { afterPaint, MatrixTable } from './portfolioMatrix';

interface VsCodeApi {
  postMessage(message: FromPortfolioWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

// The bench reads these marks ('pa-pf-*') to say where the time to open the panel goes.
performance.mark('pa-pf-script-start');
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

// ---- The page ------------------------------------------------------------------------------

const matrixSection = document.getElementById('pa-pf-matrix-section') as HTMLElement;
const matrix = new MatrixTable(matrixSection, () => state.sort ?? { column: '0', descending: false });
let columns = 0;

function setMatrix(data: MatrixData | undefined): void {
  columns = data?.columns.length ?? 0;
  matrix.set(data);
}

/** Replaces the named parts; the extension's renderer escaped every string, parsed inert in a template. */
function setSections(sections: Partial<PortfolioSections>): void {
  for (const name of SECTION_NAMES) {
    const html = sections[name];
    const part = document.getElementById(`pa-pf-part-${name}`);
    if (html === undefined || !part) continue;
    const template = document.createElement('template');
    template.innerHTML = html;
    part.replaceChildren(template.content);
  }
}

/** Replaces the named metrics' trend charts (escaped by the extension's renderer, parsed inert). */
function setCharts(charts: Readonly<Record<string, string>>): void {
  for (const element of document.querySelectorAll<HTMLElement>('#pa-pf-part-trends .pa-pf-trend[data-metric]')) {
    const html = Object.hasOwn(charts, element.dataset.metric ?? '') ? charts[element.dataset.metric ?? ''] : undefined;
    if (html === undefined) continue;
    const template = document.createElement('template');
    template.innerHTML = html;
    element.replaceChildren(template.content);
  }
}

function sortMatrix(): void {
  matrix.resort();
}

function initialMatrix(): MatrixData | undefined {
  const block = document.getElementById('pa-pf-matrix-data');
  const raw = block?.textContent;
  block?.remove();
  if (!raw) return undefined;
  try {
    const json: unknown = JSON.parse(raw);
    performance.mark('pa-pf-data-json');
    const data = parseMatrixData(json);
    performance.mark('pa-pf-data-parsed');
    return data;
  } catch {
    return undefined;
  }
}

// A cell's tooltip (its file and line among its words) is written when it is first pointed at or
// focused, not for every cell up front.
const withTooltip = (event: Event): void => {
  const button = event.target instanceof Element ? event.target.closest<HTMLElement>('.pa-pf-open') : null;
  if (button && !button.title) button.title = matrix.tooltip(button) ?? '';
};
content.addEventListener('mouseover', withTooltip);
content.addEventListener('focusin', withTooltip);

// ---- Clicks ---------------------------------------------------------------------------------

content.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  // A matrix cell names no place in its DOM: the place is the row's data for that cell.
  const cell = target?.closest<HTMLElement>('.pa-pf-open');
  if (cell) {
    const place = matrix.place(cell);
    if (place) vscode.postMessage({ type: 'openValue', ...place });
    return;
  }
  const open = target?.closest<HTMLElement>('[data-uri][data-line]');
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

function mark(name: string): void {
  performance.clearMarks(name);
  performance.mark(name);
}

/**
 * Messages are applied in the order they came; after a page with a matrix, the next ones (the
 * trends, a hundred SVG charts parsed and laid out) wait until the matrix is painted: applied in
 * the tasks between the rows and their frame, they held back the matrix a user opened the panel for.
 */
const queue: unknown[] = [];
let holding = false;
let holds = 0;
const HOLD_AT_MOST_MS = 500;

function drain(): void {
  while (!holding && queue.length) apply(queue.shift());
}

/** The numbered messages this document has had: one whose number is not the next says it lost some (src/render/portfolioDelivery.ts). */
const delivery = new ReceivedMessages();
const kindOf = (data: unknown): 'page' | 'setStyle' | 'other' => {
  const type = typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
  return type === 'page' || type === 'setStyle' ? type : 'other';
};

let messages = 0;
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (messages++ === 0) performance.mark('pa-pf-first-message');
  const seq = messageNumber(event.data);
  if (seq === undefined) return;
  const arrival = delivery.receive(seq, kindOf(event.data));
  if (arrival.missed) vscode.postMessage({ type: 'missed' });
  if (!arrival.apply) return;
  queue.push(event.data);
  drain();
});

function apply(data: unknown): void {
  const message = parseToPortfolioWebview(data, columns);
  if (!message) return;
  if (message.type === 'page') {
    if (message.matrix) performance.mark('pa-pf-page-parsed');
    setSections(message.sections);
    setMatrix(message.matrix);
    if (message.matrix?.rows.length) {
      // Until the matrix's frame, or a moment if no frame comes (a page not drawn gets no frames).
      holding = true;
      const hold = ++holds;
      const release = (): void => {
        if (hold !== holds || !holding) return;
        holding = false;
        // The extension holds back the trends until then.
        vscode.postMessage({ type: 'matrixShown' });
        drain();
      };
      matrix.whenShown(release);
      setTimeout(release, HOLD_AT_MOST_MS);
    } else if (message.matrix) {
      vscode.postMessage({ type: 'matrixShown' });
    }
  } else if (message.type === 'patch') {
    // The latest patch's arrival and end (one mark of each name kept): what the bench reads of a saved edit's last step.
    if (message.rows.length) mark('pa-pf-patch-received');
    setSections(message.sections);
    setCharts(message.charts ?? {});
    matrix.patch(message.rows, message.removed);
    if (message.rows.length) {
      mark('pa-pf-patch-applied');
      // When the frame that shows it is painted: what a user sees, the saved edit's end in the bench.
      afterPaint(() => mark('pa-pf-patch-painted'));
    }
    if (messages === 1) performance.mark('pa-pf-first-message-applied');
  } else if (message.type === 'setStyle') {
    applyStyle(message.style);
    save({ style: message.style });
  }
}

vscode.setState(state);
setMatrix(initialMatrix());
performance.mark('pa-pf-script-end');
// Once loaded, the number of the last message this document had: the platform delivers what was
// posted while it loaded when the load ends, or earlier if the load is slow, before this script
// listened (then they are lost; so is what was posted before the platform re-created a hidden
// panel's document). If the extension posted more, it follows them with a `sync`, whose number
// shows whether any was lost. In a task after the load's: the messages the load delivered are
// dispatched before it.
const reportReady = (): void => {
  setTimeout(() => vscode.postMessage({ type: 'ready', received: delivery.received }), 0);
};
if (document.readyState === 'complete') reportReady();
else window.addEventListener('load', reportReady, { once: true });
