/**
 * The portfolio's matrix, built in the webview from the extension's compact data (never from
 * markup: every string is set with textContent or as an attribute value). Rows are sorted as data
 * and built all in one task, before the page's next frame; a patch replaces only the rows it
 * names. The rows are grouped in row groups (tbody) of {@link GROUP_ROWS}, each skipped by
 * content-visibility until it scrolls near: a thousand rows each skipped on its own were a
 * thousand targets the engine's visibility observer measured on every frame (tens of ms per
 * frame, a saved edit's among them). The verdict's symbol, colour
 * class and words come from the one verdict display the other surfaces use, so colour is never
 * the only signal; each cell is a button (keyboard-reachable) whose words for screen readers are
 * derived here, and whose tooltip is written when it is first hovered or focused.
 */
import { verdictDisplay } from '../analysis/verdictDisplay';
import type { VerdictStatus } from '../analysis/types';
import type { MatrixCellData, MatrixData, MatrixRowData } from '../render/portfolioProtocol';
import { cellPlace, cellTooltip, type CellPlace } from './portfolioCells';

export interface MatrixSort {
  readonly column: string;
  readonly descending: boolean;
}

/** Rows per row group (the unit content-visibility skips; see media/portfolio.css). */
const GROUP_ROWS = 50;
const collator = new Intl.Collator();

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Runs `then` once the next frame is painted (a task queued from requestAnimationFrame runs after that frame). */
export function afterPaint(then: () => void): void {
  requestAnimationFrame(() => setTimeout(then, 0));
}

/** Marks the moment the next frame is painted (the bench reads these marks). */
function markAfterPaint(name: string): void {
  afterPaint(() => performance.mark(name));
}

export class MatrixTable {
  private data: MatrixData | undefined;
  private readonly rows = new Map<string, MatrixRowData>();
  private readonly elements = new Map<string, HTMLTableRowElement>();
  private order: string[] = [];
  private table: HTMLTableElement | undefined;
  private firstShown = false;

  constructor(private readonly section: HTMLElement, private readonly sort: () => MatrixSort) {}

  /** A whole new matrix (undefined: none, a message page). */
  set(data: MatrixData | undefined): void {
    this.data = data;
    this.rows.clear();
    this.elements.clear();
    this.table = undefined;
    if (!data) {
      this.section.replaceChildren();
      return;
    }
    for (const r of data.rows) this.rows.set(r.key, r);
    if (data.rows.length === 0) {
      this.section.replaceChildren(el('p', 'pa-muted', data.empty));
      return;
    }
    const table = el('table', 'pa-pf-matrix');
    table.id = 'pa-pf-matrix';
    table.setAttribute('role', 'table');
    table.setAttribute('aria-rowcount', String(data.rows.length + 1));
    const head = el('tr');
    head.setAttribute('role', 'row');
    const subject = el('th');
    subject.scope = 'col';
    subject.dataset.col = '0';
    subject.append(el('button', 'pa-pf-sort', 'Subject'));
    head.append(subject);
    data.columns.forEach((c, i) => {
      const th = el('th');
      th.scope = 'col';
      th.dataset.col = String(i + 1);
      th.title = `Benchmark: ${c.benchmark}`;
      th.append(el('button', 'pa-pf-sort', c.name), el('span', 'pa-pf-bench', c.benchmark));
      head.append(th);
    });
    for (const b of head.querySelectorAll('button')) b.type = 'button';
    for (const th of head.children) th.setAttribute('role', 'columnheader');
    const thead = table.createTHead();
    thead.setAttribute('role', 'rowgroup');
    thead.append(head);
    this.table = table;
    this.section.replaceChildren(table);
    this.resort();
  }

  /**
   * Runs `then` after the next frame, the one that shows every row of the matrix just set (all
   * are built in the task that sets it): what else the page has to do (the trends) waits until
   * the matrix is seen.
   */
  whenShown(then: () => void): void {
    afterPaint(then);
  }

  /** Rows replaced or added by key, and rows removed: only those rows are built again. */
  patch(rows: readonly MatrixRowData[], removed: readonly string[]): void {
    if (!this.data) return;
    if (this.rows.size === 0 || (rows.length === 0 && removed.length === 0)) {
      if (rows.length) this.set({ ...this.data, rows: [...rows] });
      return;
    }
    for (const key of removed) {
      this.rows.delete(key);
      this.elements.get(key)?.remove();
      this.elements.delete(key);
    }
    const replaced: [HTMLTableRowElement, string][] = [];
    // Rows replaced by rows that sort the same (an edited value outside the sorted column): the
    // order stands, and a thousand rows are not sorted again for one changed row.
    let sameSort = removed.length === 0;
    for (const r of rows) {
      const previous = this.rows.get(r.key);
      if (sameSort && !(previous && this.sortsAlike(previous, r))) sameSort = false;
      this.rows.set(r.key, r);
      const old = this.elements.get(r.key);
      this.elements.delete(r.key);
      if (old) replaced.push([old, r.key]);
    }
    if (this.rows.size === 0) {
      this.set({ ...this.data, rows: [] });
      return;
    }
    const before = this.order;
    const after = sameSort ? before : this.sortedKeys();
    const sameOrder = removed.length === 0 && before.length === after.length && (after === before || before.every((k, i) => k === after[i]));
    if (sameOrder) {
      // The usual saved edit: one row's data changed, its place did not.
      for (const [old, key] of replaced) old.replaceWith(this.element(key));
    } else {
      this.render(after);
    }
  }

  /** Sorts by the current sort and shows the rows in that order. */
  resort(): void {
    if (!this.table) return;
    this.render(this.sortedKeys());
    const sort = this.sort();
    const headers = this.table.querySelectorAll<HTMLElement>('thead th');
    headers.forEach((th) => th.setAttribute('aria-sort', th.dataset.col === sort.column ? (sort.descending ? 'descending' : 'ascending') : 'none'));
  }

  /** The row data and column of a cell's button (for its tooltip). */
  cellOf(button: Element): { row: MatrixRowData; cell: MatrixCellData; column: number } | undefined {
    const td = button.closest('td');
    const key = td?.parentElement?.dataset.key;
    const row = key ? this.rows.get(key) : undefined;
    const column = td ? (td as HTMLTableCellElement).cellIndex - 1 : -1;
    const cell = row?.cells[column];
    return row && cell ? { row, cell, column } : undefined;
  }

  /** The place a cell's button opens: the file, line and character its value is written at. */
  place(button: Element): CellPlace | undefined {
    const found = this.cellOf(button);
    return found && cellPlace(found.row, found.cell);
  }

  /** The tooltip of a cell: the metric, the verdict against the benchmark, the period, the file and line, the source. */
  tooltip(button: Element): string | undefined {
    const found = this.cellOf(button);
    const column = found && this.data?.columns[found.column];
    return found && column ? cellTooltip(column, found.row, found.cell) : undefined;
  }

  /** True when two versions of a row take the same place in the current sort. */
  private sortsAlike(a: MatrixRowData, b: MatrixRowData): boolean {
    const col = Number(this.sort().column);
    if (a.subject !== b.subject || a.key !== b.key) return false;
    if (!Number.isInteger(col) || col <= 0 || col > (this.data?.columns.length ?? 0)) return true;
    const ca = a.cells[col - 1];
    const cb = b.cells[col - 1];
    return ca === cb || (!!ca && !!cb && ca.n === cb.n);
  }

  private sortedKeys(): string[] {
    const sort = this.sort();
    const col = Number(sort.column);
    const columns = this.data?.columns.length ?? 0;
    const rows = [...this.rows.values()];
    const byName = (a: MatrixRowData, b: MatrixRowData): number => collator.compare(a.subject.toLowerCase(), b.subject.toLowerCase()) || collator.compare(a.key, b.key);
    if (!Number.isInteger(col) || col <= 0 || col > columns) {
      rows.sort((a, b) => (sort.descending && col === 0 ? -1 : 1) * byName(a, b));
    } else {
      rows.sort((a, b) => {
        const ca = a.cells[col - 1];
        const cb = b.cells[col - 1];
        // Rows with no value sort last whichever way the column is sorted.
        if (!ca || !cb) return ca === cb ? byName(a, b) : ca ? -1 : 1;
        const d = ca.n - cb.n;
        return (sort.descending ? -d : d) || byName(a, b);
      });
    }
    return rows.map((r) => r.key);
  }

  /**
   * Shows the rows in `order`, all of them in this task. Before, a screenful (and whatever else
   * fit in 40 ms) was built and painted first, and the rest after that frame: on the bench's
   * loaded machine the budget never covered a thousand rows, so the last rows were painted a frame
   * later (in the real webview, whose thread is the workbench's, the rest began ~110 ms after the
   * first rows were built), for rows off screen that content-visibility skips anyway. Built at
   * once, the one frame lays out only the groups near the viewport.
   */
  private render(order: string[]): void {
    const table = this.table;
    if (!table) return;
    this.order = order;
    for (const group of [...table.tBodies]) group.remove();
    // Row i goes to row group ⌊i / GROUP_ROWS⌋; the groups are attached together, once filled.
    const fragment = document.createDocumentFragment();
    let group: HTMLTableSectionElement | undefined;
    for (let i = 0; i < order.length; i++) {
      if (i % GROUP_ROWS === 0 || !group) {
        group = el('tbody', 'pa-pf-rows');
        group.setAttribute('role', 'rowgroup');
        fragment.append(group);
      }
      group.append(this.element(order[i]));
    }
    table.append(fragment);
    if (this.firstShown) return;
    this.firstShown = true;
    // The bench's marks: the first screenful and every row are built, and painted, together.
    performance.mark('pa-pf-first-rows-built');
    performance.mark('pa-pf-rows-built');
    markAfterPaint('pa-pf-matrix-painted');
    markAfterPaint('pa-pf-matrix-complete');
  }

  private element(key: string): HTMLTableRowElement {
    let tr = this.elements.get(key);
    if (tr) return tr;
    const row = this.rows.get(key) as MatrixRowData;
    tr = ROW.cloneNode(true) as HTMLTableRowElement;
    tr.setAttribute('data-key', row.key);
    tr.setAttribute('data-subject', row.subject);
    const th = tr.firstChild as HTMLTableCellElement;
    (th.firstChild as Text).data = `${row.subject} `;
    ((th.lastChild as HTMLElement).firstChild as Text).data = `${row.analyses} ${row.analyses === 1 ? 'analysis' : 'analyses'}`;
    for (const cell of row.cells) tr.append(cell ? this.cell(cell) : EMPTY_CELL.cloneNode(true));
    this.elements.set(key, tr);
    return tr;
  }

  /**
   * A cell: a clone of its verdict's prototype (class, verdict, symbol and the verdict's words for
   * screen readers already set) with its two texts set, and no attribute of its own: the place it
   * opens and its tooltip are looked up from the row's data when it is clicked, pointed at or
   * focused ({@link place}, {@link tooltip}). Four attributes per cell (the file, line, character
   * and a spoken label) were most of the webview's time building a thousand rows.
   */
  private cell(cell: MatrixCellData): HTMLTableCellElement {
    const td = verdictCell(cell.d).cloneNode(true) as HTMLTableCellElement;
    const button = td.firstChild as HTMLButtonElement;
    // The symbol, a space, the value, the period (prototypes() made them in this order).
    const value = (button.firstChild as Node).nextSibling?.nextSibling as HTMLElement;
    (value.firstChild as Text).data = cell.v;
    ((value.nextSibling as HTMLElement).firstChild as Text).data = cell.p || 'no period';
    return td;
  }
}

/** Each verdict's cell prototype: the one prototype with the verdict's colour class, its data attribute and its symbol set. */
const VERDICT_CELLS = new Map<string, HTMLTableCellElement>();

function verdictCell(verdict: string): HTMLTableCellElement {
  let td = VERDICT_CELLS.get(verdict);
  if (!td) {
    td = CELL.cloneNode(true) as HTMLTableCellElement;
    td.className = /^[a-z-]+$/.test(verdict) ? `pa-pf-cell pa-verdict-${verdict}` : 'pa-pf-cell pa-verdict-other';
    td.setAttribute('data-verdict', verdict);
    const display = verdictDisplay(verdict as VerdictStatus);
    const symbol = (td.firstChild as HTMLElement).firstChild as HTMLElement;
    (symbol.firstChild as Text).data = display.symbol;
    // Spoken in the button's name ("meets 72% Q3 2026"): colour and symbol are never the only signal.
    symbol.setAttribute('aria-label', display.label);
    VERDICT_CELLS.set(verdict, td);
  }
  return td;
}

/**
 * The prototypes every row and cell is cloned from. The roles say "table" to assistive technology
 * although the stylesheet lays the matrix out as one grid per row (see media/portfolio.css).
 */
function prototypes(): { row: HTMLTableRowElement; cell: HTMLTableCellElement; empty: HTMLTableCellElement } {
  const row = el('tr');
  row.setAttribute('role', 'row');
  const th = el('th', undefined, ' ');
  th.scope = 'row';
  th.setAttribute('role', 'rowheader');
  th.append(el('span', 'pa-muted pa-pf-count', ' '));
  row.append(th);
  const cell = el('td', 'pa-pf-cell');
  cell.setAttribute('role', 'cell');
  const button = el('button', 'pa-pf-open');
  button.type = 'button';
  // Each span holds one text node, its text set on the clone.
  const symbol = el('span', 'pa-pf-symbol', ' ');
  symbol.setAttribute('role', 'img');
  button.append(symbol, ' ', el('span', 'pa-pf-value', ' '), el('span', 'pa-pf-period', ' '));
  cell.append(button);
  const empty = el('td', 'pa-pf-cell pa-pf-empty');
  empty.setAttribute('role', 'cell');
  const none = el('span', 'pa-muted', '—');
  none.title = 'No analysis states a value';
  empty.append(none);
  return { row, cell, empty };
}

const { row: ROW, cell: CELL, empty: EMPTY_CELL } = prototypes();
