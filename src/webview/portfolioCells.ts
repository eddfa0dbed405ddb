/**
 * What a matrix cell says and opens, worked out from the row's data when it is needed (a click, a
 * pointer or the focus on the cell) rather than written into a thousand rows' DOM up front. Pure:
 * no DOM, so the unit tests hold it to the data.
 */
import { verdictDisplay } from '../analysis/verdictDisplay';
import type { VerdictStatus } from '../analysis/types';
import type { MatrixCellData, MatrixColumnData, MatrixRowData } from '../render/portfolioProtocol';

/** Where a cell's value is written: what a click on it opens. */
export interface CellPlace {
  readonly uri: string;
  readonly line: number;
  readonly character: number;
}

/** The place of a cell's value; undefined when the row names no such file (malformed data opens nothing). */
export function cellPlace(row: MatrixRowData, cell: MatrixCellData): CellPlace | undefined {
  const file = row.files[cell.f];
  return file ? { uri: file[0], line: cell.l, character: cell.c } : undefined;
}

/** A cell's tooltip: the metric, the value and its verdict against the benchmark, the period, the file and line, the source. */
export function cellTooltip(column: MatrixColumnData, row: MatrixRowData, cell: MatrixCellData): string {
  const file = row.files[cell.f]?.[1] ?? '';
  return `${column.name}: ${cell.v} — ${verdictDisplay(cell.d as VerdictStatus).label} (benchmark: ${column.benchmark}; ${cell.p || 'no period'}; ${file}, line ${cell.l + 1}${cell.s ? `; source: ${cell.s}` : ''})`;
}
