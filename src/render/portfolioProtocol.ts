/**
 * The message protocol between the extension and the portfolio webview, shared by both sides and
 * checked at runtime on arrival (unknown types and malformed fields are dropped, never half-used).
 * Nothing the webview sends names a command or a file it may open freely: `openValue` names a
 * place the extension then checks against its own index, `newAnalysis` a company of the model.
 */
import { isPreviewStyle, type PreviewStyle } from './protocol';

/**
 * The page's parts that stay HTML (rendered and escaped by src/render/portfolioView.ts): small,
 * and each replaced whole when it changes.
 */
export interface PortfolioSections {
  readonly header: string;
  readonly controls: string;
  readonly coverage: string;
  readonly trends: string;
  readonly problems: string;
}
export const SECTION_NAMES = ['header', 'controls', 'coverage', 'trends', 'problems'] as const satisfies readonly (keyof PortfolioSections)[];

/** A matrix column: the metric's name and its benchmark as the model writes it. */
export interface MatrixColumnData {
  readonly name: string;
  readonly benchmark: string;
}

/**
 * One matrix cell as data, not markup (the webview builds its DOM with textContent, and derives
 * the symbol, colour class, words for screen readers and tooltip from these few fields): a
 * thousand subjects' cells as HTML with their labels were megabytes the panel sent on every change.
 */
export interface MatrixCellData {
  /** The value as written ("72%"). */
  readonly v: string;
  /** Its (lower) number: what the column sorts by. */
  readonly n: number;
  /** The verdict status (src/analysis/verdictDisplay names it). */
  readonly d: string;
  /** The period it comes from, as labelled ("Q2 2026"), or as written when unreadable. */
  readonly p: string;
  /** Index into the row's `files`: where the value is written. */
  readonly f: number;
  /** 0-based line and character of the value. */
  readonly l: number;
  readonly c: number;
  /** The scorecard's source, when the analysis names one. */
  readonly s?: string;
}

export interface MatrixRowData {
  /** The subject's grouping key: what a later patch names the row by. */
  readonly key: string;
  readonly subject: string;
  readonly analyses: number;
  /** The analyses the cells come from: [uri, workspace-relative name]. */
  readonly files: readonly (readonly [string, string])[];
  /** One per column; null where no analysis states the metric. */
  readonly cells: readonly (MatrixCellData | null)[];
}

export interface MatrixData {
  readonly columns: readonly MatrixColumnData[];
  readonly rows: readonly MatrixRowData[];
  /** Shown instead of the table when there are no rows. */
  readonly empty: string;
}

/** Extension → webview. */
export type ToPortfolioWebview =
  /** A whole new page (the pattern, the period or the columns changed; or the first data). No matrix: a message page. */
  | { readonly type: 'page'; readonly sections: PortfolioSections; readonly matrix?: MatrixData }
  /** What changed since the last page or patch: sections replaced whole, rows replaced or added by key, rows removed. */
  | {
    readonly type: 'patch';
    readonly sections: Partial<PortfolioSections>;
    readonly rows: readonly MatrixRowData[];
    readonly removed: readonly string[];
    /** Metric id → that metric's trend chart (the content of its `.pa-pf-trend` element), when only charts changed. */
    readonly charts?: Readonly<Record<string, string>>;
  }
  | { readonly type: 'setStyle'; readonly style: PreviewStyle }
  /** Nothing new: posted after the messages a `ready` had not had yet, its number tells the webview whether it lost any (src/render/portfolioDelivery.ts). */
  | { readonly type: 'sync' };

/** The panel's export buttons: the page, the matrix as CSV, or the page printed to a PDF. */
export type PortfolioExportFormat = 'html' | 'csv' | 'pdf';

/** Webview → extension. */
export type FromPortfolioWebview =
  /**
   * A document of the panel has loaded, having had the messages numbered 1..`received` (after its
   * first load, and again whenever the platform re-creates it from the panel's HTML after it was
   * hidden). See src/render/portfolioDelivery.ts.
   */
  | { readonly type: 'ready'; readonly received: number }
  /** A message came whose number was not the next: the document lost some, and asks for the whole portfolio. */
  | { readonly type: 'missed' }
  /** A matrix cell or chart point: open this analysis at this value. */
  | { readonly type: 'openValue'; readonly uri: string; readonly line: number; readonly character: number }
  /** Show the matrix as of this period label ('' = the latest of each subject). */
  | { readonly type: 'setAsOf'; readonly period: string }
  | { readonly type: 'setPattern'; readonly patternId: string }
  /** A missing peer's one-click New Analysis. */
  | { readonly type: 'newAnalysis'; readonly companyId: string }
  | { readonly type: 'export'; readonly format: PortfolioExportFormat }
  | { readonly type: 'setStyle'; readonly style: PreviewStyle }
  /** The webview sorted the matrix (kept for the serializer). */
  | { readonly type: 'setSort'; readonly column: string; readonly descending: boolean }
  /** A page's matrix is painted: what waits for it (the trends) may come now. */
  | { readonly type: 'matrixShown' };

/** What the portfolio panel keeps across reloads (`getState`/`setState`), read back by its serializer. */
export interface PortfolioState {
  readonly patternId?: string;
  readonly asOf?: string;
  readonly sort?: { readonly column: string; readonly descending: boolean };
  readonly style?: PreviewStyle;
}

const MAX_URI = 4096;
const MAX_ID = 1024;
const MAX_LINE = 10_000_000;
const MAX_HTML = 64 * 1024 * 1024;
const MAX_TEXT = 64 * 1024;
const MAX_ROWS = 1_000_000;
const MAX_COLUMNS = 1000;

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_LINE;

function parseSort(raw: unknown): PortfolioState['sort'] {
  return isObject(raw) && isString(raw.column, MAX_ID) && raw.column !== '' && typeof raw.descending === 'boolean'
    ? { column: raw.column, descending: raw.descending }
    : undefined;
}

export function parseFromPortfolioWebview(raw: unknown): FromPortfolioWebview | undefined {
  if (!isObject(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
      return isCount(raw.received) ? { type: 'ready', received: raw.received } : undefined;
    case 'openValue':
      return isString(raw.uri, MAX_URI) && raw.uri !== '' && isCount(raw.line) && isCount(raw.character)
        ? { type: 'openValue', uri: raw.uri, line: raw.line, character: raw.character }
        : undefined;
    case 'setAsOf':
      return isString(raw.period, MAX_ID) ? { type: 'setAsOf', period: raw.period } : undefined;
    case 'setPattern':
      return isString(raw.patternId, MAX_ID) && raw.patternId !== '' ? { type: 'setPattern', patternId: raw.patternId } : undefined;
    case 'newAnalysis':
      return isString(raw.companyId, MAX_ID) && raw.companyId !== '' ? { type: 'newAnalysis', companyId: raw.companyId } : undefined;
    case 'export':
      return raw.format === 'html' || raw.format === 'csv' || raw.format === 'pdf' ? { type: 'export', format: raw.format } : undefined;
    case 'setStyle':
      return isPreviewStyle(raw.style) ? { type: 'setStyle', style: raw.style } : undefined;
    case 'setSort': {
      const sort = parseSort(raw);
      return sort ? { type: 'setSort', ...sort } : undefined;
    }
    case 'matrixShown':
      return { type: 'matrixShown' };
    case 'missed':
      return { type: 'missed' };
    default:
      return undefined;
  }
}

function parseSections(raw: unknown, partial: boolean): Partial<PortfolioSections> | undefined {
  if (!isObject(raw)) return undefined;
  const out: { -readonly [K in keyof PortfolioSections]?: string } = {};
  for (const name of SECTION_NAMES) {
    const v = raw[name];
    if (v === undefined && partial) continue;
    if (!isString(v, MAX_HTML)) return undefined;
    out[name] = v;
  }
  return out;
}

function parseCharts(raw: unknown): Record<string, string> | undefined {
  if (!isObject(raw)) return undefined;
  const out: Record<string, string> = {};
  for (const [id, html] of Object.entries(raw)) {
    if (id.length > MAX_ID || !isString(html, MAX_HTML)) return undefined;
    out[id] = html;
  }
  return out;
}

/**
 * True when `raw` is a well-formed cell. Cells and rows are checked in place and used as they came
 * (a message's data is the receiver's own copy): a thousand rows copied field by field on arrival
 * were tens of ms of the webview's thread before the first row was built.
 */
function isCell(raw: unknown, files: number): raw is MatrixCellData {
  if (!isObject(raw)) return false;
  const { v, n, d, p, f, l, c, s } = raw;
  return isString(v, MAX_TEXT) && typeof n === 'number' && Number.isFinite(n) && isString(d, MAX_ID) && isString(p, MAX_ID)
    && isCount(f) && f < files && isCount(l) && isCount(c) && (s === undefined || isString(s, MAX_TEXT));
}

/** A row, checked field by field; one malformed cell drops the row whole. */
export function parseMatrixRow(raw: unknown, columns: number): MatrixRowData | undefined {
  if (!isObject(raw) || !isString(raw.key, MAX_URI) || raw.key === '' || !isString(raw.subject, MAX_TEXT) || !isCount(raw.analyses)) return undefined;
  const { files, cells } = raw;
  if (!Array.isArray(files) || files.length > MAX_COLUMNS || !Array.isArray(cells) || cells.length !== columns) return undefined;
  for (const f of files as unknown[]) {
    if (!Array.isArray(f) || f.length !== 2 || !isString(f[0], MAX_URI) || !isString(f[1], MAX_URI)) return undefined;
  }
  for (const c of cells as unknown[]) if (c !== null && !isCell(c, files.length)) return undefined;
  return raw as unknown as MatrixRowData;
}

function parseRows(raw: unknown, columns: number): MatrixRowData[] | undefined {
  if (!Array.isArray(raw) || raw.length > MAX_ROWS) return undefined;
  const rows: MatrixRowData[] = [];
  for (const r of raw as unknown[]) {
    const row = parseMatrixRow(r, columns);
    if (!row) return undefined;
    rows.push(row);
  }
  return rows;
}

function parseColumns(raw: Obj): MatrixColumnData[] | undefined {
  if (!Array.isArray(raw.columns) || raw.columns.length > MAX_COLUMNS) return undefined;
  const columns: MatrixColumnData[] = [];
  for (const c of raw.columns as unknown[]) {
    if (!isObject(c) || !isString(c.name, MAX_TEXT) || !isString(c.benchmark, MAX_TEXT)) return undefined;
    columns.push({ name: c.name, benchmark: c.benchmark });
  }
  return columns;
}

export function parseMatrixData(raw: unknown): MatrixData | undefined {
  if (!isObject(raw) || !isString(raw.empty, MAX_TEXT)) return undefined;
  const columns = parseColumns(raw);
  const rows = columns && parseRows(raw.rows, columns.length);
  return columns && rows ? { columns, rows, empty: raw.empty } : undefined;
}

/** JSON text parsed, or null (never undefined) when it is not a string of valid JSON within bounds. */
function parseJson(raw: unknown): unknown {
  if (!isString(raw, MAX_HTML)) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

/**
 * A page message as posted: its matrix as JSON text (`matrixJson`) in the compact form below, made
 * from each row's JSON made once. A message is copied on its way to the webview (serialized by the
 * extension host, parsed by the workbench, cloned into the webview's frames, parsed there): one
 * string is copied whole, and parsed once on arrival ({@link parseToPortfolioWebview}, then checked).
 */
export type PortfolioWireMessage = Exclude<ToPortfolioWebview, { type: 'page' }> | { readonly type: 'page'; readonly sections: PortfolioSections; readonly matrixJson?: string };

/**
 * The strings a page's rows name by number: verdicts, periods, sources and the folders of files,
 * which a thousand rows repeat four times each (two thirds of the matrix's text when written out
 * in every cell). Only ever added to, so a row's wire form made once stays right for every page
 * made later with the same table.
 */
export class WireStrings {
  private readonly at = new Map<string, number>();
  readonly list: string[] = [];

  of(text: string): number {
    let i = this.at.get(text);
    if (i === undefined) {
      i = this.list.push(text) - 1;
      this.at.set(text, i);
    }
    return i;
  }
}

/**
 * A row as a page posts it: `[key, subject, analyses, files, cells]`. A file is
 * `[folder, rest, name's folder, name's rest]`: its URI and its name each cut after their last
 * '/', the folder part by number. A cell is `[value, number, verdict, period, file, line,
 * character]`, plus the source when there is one; verdict, period and source by number.
 */
export function wireRowJson(row: MatrixRowData, strings: WireStrings): string {
  const cut = (text: string): [number, string] => {
    const at = text.lastIndexOf('/') + 1;
    return [strings.of(text.slice(0, at)), text.slice(at)];
  };
  const files = row.files.map(([uri, name]) => [...cut(uri), ...cut(name)]);
  const cells = row.cells.map((c) => {
    if (!c) return null;
    const cell: (string | number)[] = [c.v, c.n, strings.of(c.d), strings.of(c.p), c.f, c.l, c.c];
    if (c.s !== undefined) cell.push(strings.of(c.s));
    return cell;
  });
  return JSON.stringify([row.key, row.subject, row.analyses, files, cells]);
}

/** The matrix as JSON text in the compact form, from its rows' JSON (`rowJson`, cached by the caller, made with `strings`). */
export function matrixJson(matrix: MatrixData, rowJson: (row: MatrixRowData) => string, strings: WireStrings): string {
  let rows = '';
  for (const row of matrix.rows) rows += (rows ? ',' : '') + rowJson(row);
  // The strings last: making the rows' JSON may have added some.
  return `{"columns":${JSON.stringify(matrix.columns)},"empty":${JSON.stringify(matrix.empty)},"rows":[${rows}],"strings":${JSON.stringify(strings.list)}}`;
}

/** The matrix of a page posted in the compact form ({@link wireRowJson}), checked as any matrix; undefined when malformed. */
function parseWireMatrix(raw: unknown): MatrixData | undefined {
  if (!isObject(raw) || !isString(raw.empty, MAX_TEXT) || !Array.isArray(raw.rows) || raw.rows.length > MAX_ROWS || !Array.isArray(raw.strings) || raw.strings.length > MAX_ROWS) return undefined;
  const columns = parseColumns(raw);
  if (!columns) return undefined;
  const strings = raw.strings as unknown[];
  if (!strings.every((s) => isString(s, MAX_TEXT))) return undefined;
  const str = (i: unknown): string | undefined => (typeof i === 'number' && Number.isInteger(i) && i >= 0 && i < strings.length ? (strings[i] as string) : undefined);
  const rows: MatrixRowData[] = [];
  for (const r of raw.rows as unknown[]) {
    if (!Array.isArray(r) || r.length !== 5 || !Array.isArray(r[3]) || !Array.isArray(r[4])) return undefined;
    const files: [string, string][] = [];
    for (const f of r[3] as unknown[]) {
      if (!Array.isArray(f) || f.length !== 4 || !isString(f[1], MAX_URI) || !isString(f[3], MAX_URI)) return undefined;
      const folder = str(f[0]);
      const nameFolder = str(f[2]);
      if (folder === undefined || nameFolder === undefined) return undefined;
      files.push([folder + f[1], nameFolder + f[3]]);
    }
    const cells: unknown[] = [];
    for (const c of r[4] as unknown[]) {
      if (c === null) {
        cells.push(null);
        continue;
      }
      if (!Array.isArray(c) || c.length < 7 || c.length > 8) return undefined;
      const [v, n, d, p, f, l, ch, s] = c as unknown[];
      const source = c.length === 8 ? str(s) : undefined;
      if (c.length === 8 && source === undefined) return undefined;
      cells.push({ v, n, d: str(d), p: str(p), f, l, c: ch, ...(source !== undefined && { s: source }) });
    }
    // Checked as a row posted whole is (every field, every cell against the row's files).
    const row = parseMatrixRow({ key: r[0], subject: r[1], analyses: r[2], files, cells }, columns.length);
    if (!row) return undefined;
    rows.push(row);
  }
  return { columns, rows, empty: raw.empty };
}

/**
 * Extension → webview messages, checked on arrival (a page's matrix as an object or as JSON text). A patch's rows are checked against the number
 * of columns the webview shows (`columns`); a row of another shape drops the patch whole.
 */
export function parseToPortfolioWebview(raw: unknown, columns = 0): ToPortfolioWebview | undefined {
  if (!isObject(raw)) return undefined;
  switch (raw.type) {
    case 'page': {
      const sections = parseSections(raw.sections, false) as PortfolioSections | undefined;
      if (!sections) return undefined;
      if (raw.matrixJson === undefined && raw.matrix === undefined) return { type: 'page', sections };
      const matrix = raw.matrixJson === undefined ? parseMatrixData(raw.matrix) : parseWireMatrix(parseJson(raw.matrixJson));
      return matrix ? { type: 'page', sections, matrix } : undefined;
    }
    case 'patch': {
      const sections = parseSections(raw.sections, true);
      const rows = parseRows(raw.rows, columns);
      const removed = Array.isArray(raw.removed) && raw.removed.length <= MAX_ROWS && (raw.removed as unknown[]).every((k) => isString(k, MAX_URI)) ? (raw.removed as string[]) : undefined;
      const charts = raw.charts === undefined ? {} : parseCharts(raw.charts);
      return sections && rows && removed && charts ? { type: 'patch', sections, rows, removed, ...(raw.charts !== undefined && { charts }) } : undefined;
    }
    case 'setStyle':
      return isPreviewStyle(raw.style) ? { type: 'setStyle', style: raw.style } : undefined;
    case 'sync':
      return { type: 'sync' };
    default:
      return undefined;
  }
}

/** A message as posted: numbered from 1 per document HTML (src/render/portfolioDelivery.ts). */
export type NumberedPortfolioMessage = PortfolioWireMessage & { readonly seq: number };

/** A posted message's number, or undefined when it has none or not a whole number from 1. */
export function messageNumber(raw: unknown): number | undefined {
  return isObject(raw) && typeof raw.seq === 'number' && Number.isSafeInteger(raw.seq) && raw.seq >= 1 ? raw.seq : undefined;
}

/** Saved state, checked (the serializer gets whatever was stored, possibly by an older version). */
export function parsePortfolioState(raw: unknown): PortfolioState {
  if (!isObject(raw)) return {};
  const sort = parseSort(raw.sort);
  return {
    ...(isString(raw.patternId, MAX_ID) && raw.patternId !== '' ? { patternId: raw.patternId } : {}),
    ...(isString(raw.asOf, MAX_ID) && raw.asOf !== '' ? { asOf: raw.asOf } : {}),
    ...(sort ? { sort } : {}),
    ...(isPreviewStyle(raw.style) ? { style: raw.style } : {}),
  };
}
