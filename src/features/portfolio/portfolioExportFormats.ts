/**
 * The exported portfolio's text: the core's CSV and self-contained HTML page (for a PDF, that page
 * with the print stylesheet), built from the same report the CLI's `pattern-analyst portfolio
 * --format csv|html|pdf` prints, so editor and CLI agree.
 * The page inlines the extension's stylesheet, read through `vscode.workspace.fs`.
 */
import * as vscode from 'vscode';
import type { PatternIndex } from '../../model/patternIndex';
import { portfolioCsv } from '../../portfolio/formats';
import { portfolioReport } from '../../portfolio/report';
import { ofPattern } from '../../portfolio/subjects';
import type { IndexEntry, Period } from '../../portfolio/types';
import type { PortfolioExportFormat } from '../../render/portfolioProtocol';
import { renderPortfolioPage, renderPortfolioPrintPage } from '../../render/portfolioPage';

export async function renderPortfolioExport(format: PortfolioExportFormat, entries: readonly IndexEntry[], pattern: PatternIndex, asOf: Period | undefined, host: { readonly extensionUri: vscode.Uri; displayName(uri: string): string }): Promise<string> {
  const displayName = (uri: string): string => host.displayName(uri);
  const report = portfolioReport(ofPattern(entries, pattern), pattern, asOf, displayName);
  if (format === 'csv') return portfolioCsv(report, displayName);
  const css = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(host.extensionUri, 'media', 'preview.css')));
  return format === 'pdf' ? renderPortfolioPrintPage(report, { displayName, css }) : renderPortfolioPage(report, { displayName, css });
}
