/**
 * Every notification, quick pick and label text that carries user or workspace text, built in one
 * place and passed through {@link inertText}, so none can become a command link or an icon. Pure
 * (no vscode import): the unit tests build each with hostile names.
 */
import { inertText } from './inertText';

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export const userMessages = {
  exported: (relativePath: string): string => inertText(`Pattern Analyst: exported ${relativePath}`),
  exportCannotOpen: (source: string, error: unknown): string => inertText(`Pattern Analyst: cannot open ${source} to export it: ${errorText(error)}`),
  exportReplaceQuestion: (fileName: string): string => inertText(`${fileName} already exists. Replace it with the exported analysis?`),
  noModelCalled: (ref: string, known: string): string => inertText(`Pattern Analyst: no loaded pattern model is called "${ref}". Loaded: ${known}.`),
  modelCreateFailed: (error: unknown): string => inertText(`Pattern Analyst: could not create the pattern model: ${errorText(error)}`),
  modelsLoadFailed: (error: unknown): string => inertText(`Pattern Analyst: could not load the workspace pattern models: ${errorText(error)}`),
  modelFileExists: (relativePath: string): string => inertText(`Pattern Analyst: ${relativePath} already exists. New Pattern Model never overwrites a file: choose another name.`),
  savedAsNonModel: (relativePath: string, suffix: string): string => inertText(`Pattern Analyst: saved as ${relativePath}: only *${suffix} files are loaded as pattern models.`),
  previewActionFailed: (what: string, error: unknown): string => inertText(`Pattern Analyst could not ${what}: ${errorText(error)}`),
  noModelWithId: (modelId: string): string => inertText(`Pattern Analyst: no pattern model with id "${modelId}" is loaded.`),
  /** Quick pick items and tree labels: model names, origins, document text. */
  label: (text: string): string => inertText(text),
} as const;
