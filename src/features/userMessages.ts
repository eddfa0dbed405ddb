/**
 * Every notification, quick pick and label text that carries user or workspace text, built in one
 * place and passed through {@link inertText}, so none can become a command link or an icon. Pure
 * (no vscode import): the unit tests build each with hostile names and hostile translations.
 *
 * Translated with `@vscode/l10n`, the runtime for code without 'vscode' (activate() hands it the
 * bundle VS Code picked for the display language; `npm run l10n` exports these templates with the
 * rest). The whole message is made inert after translation, so neither the names in the
 * placeholders nor a translated template can carry a link or an icon.
 */
import * as l10n from '@vscode/l10n';
import { inertText } from './inertText';

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export const userMessages = {
  exported: (relativePath: string): string => inertText(l10n.t('Pattern Analyst: exported {0}', relativePath)),
  exportCannotOpen: (source: string, error: unknown): string => inertText(l10n.t('Pattern Analyst: cannot open {0} to export it: {1}', source, errorText(error))),
  exportReplaceQuestion: (fileName: string): string => inertText(l10n.t('{0} already exists. Replace it with the exported analysis?', fileName)),
  noModelCalled: (ref: string, known: string): string => inertText(l10n.t('Pattern Analyst: no loaded pattern model is called "{0}". Loaded: {1}.', ref, known)),
  modelCreateFailed: (error: unknown): string => inertText(l10n.t('Pattern Analyst: could not create the pattern model: {0}', errorText(error))),
  modelsLoadFailed: (error: unknown): string => inertText(l10n.t('Pattern Analyst: could not load the workspace pattern models: {0}', errorText(error))),
  modelFileExists: (relativePath: string): string => inertText(l10n.t('Pattern Analyst: {0} already exists. New Pattern Model never overwrites a file: choose another name.', relativePath)),
  savedAsNonModel: (relativePath: string, suffix: string): string => inertText(l10n.t('Pattern Analyst: saved as {0}: only *{1} files are loaded as pattern models.', relativePath, suffix)),
  openSourceFailed: (error: unknown): string => inertText(l10n.t('Pattern Analyst could not open the source line: {0}', errorText(error))),
  openLinkFailed: (error: unknown): string => inertText(l10n.t('Pattern Analyst could not open the link: {0}', errorText(error))),
  rendererLoadFailed: (error: unknown): string => inertText(l10n.t('Pattern Analyst could not load its renderer: {0}', errorText(error))),
  analysisCoreLoadFailed: (error: unknown): string => inertText(l10n.t('Pattern Analyst could not load its checks ({0}): checks, hovers and previews of analyses wait until it can; it is tried again on the next edit.', errorText(error))),
  portfolioLoadFailed: (error: unknown): string => inertText(l10n.t('Pattern Analyst could not load its portfolio ({0}); it is tried again the next time a portfolio view is opened.', errorText(error))),
  noModelWithId: (modelId: string): string => inertText(l10n.t('Pattern Analyst: no pattern model with id "{0}" is loaded.', modelId)),
  /** Quick pick items and tree labels: model names, origins, document text. */
  label: (text: string): string => inertText(text),
} as const;
