/**
 * The message protocol between the extension and the portfolio webview, shared by both sides and
 * checked at runtime on arrival (unknown types and malformed fields are dropped, never half-used).
 * Nothing the webview sends names a command or a file it may open freely: `openValue` names a
 * place the extension then checks against its own index, `newAnalysis` a company of the model.
 */
import { isPreviewStyle, type PreviewStyle } from './protocol';

/** Extension → webview. */
export type ToPortfolioWebview =
  /** New body HTML (the matrix, coverage and trends) for the same page. */
  | { readonly type: 'update'; readonly html: string }
  | { readonly type: 'setStyle'; readonly style: PreviewStyle };

/** The panel's export buttons: the page, the matrix as CSV, or the page printed to a PDF. */
export type PortfolioExportFormat = 'html' | 'csv' | 'pdf';

/** Webview → extension. */
export type FromPortfolioWebview =
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
  | { readonly type: 'setSort'; readonly column: string; readonly descending: boolean };

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
    default:
      return undefined;
  }
}

export function parseToPortfolioWebview(raw: unknown): ToPortfolioWebview | undefined {
  if (!isObject(raw)) return undefined;
  switch (raw.type) {
    case 'update':
      return isString(raw.html, MAX_HTML) ? { type: 'update', html: raw.html } : undefined;
    case 'setStyle':
      return isPreviewStyle(raw.style) ? { type: 'setStyle', style: raw.style } : undefined;
    default:
      return undefined;
  }
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
