/**
 * The entry point of dist/renderer.js: the markdown renderer as its own bundle, which the editor
 * loads on the first preview or export (see features/core.ts). markdown-it, its HTML
 * entity tables and linkify are about half of the extension's code; bundled into
 * dist/extension.js they were parsed at every activation, for features many sessions never open.
 */
export { renderDocumentBody } from './documentRenderer';
export { IncrementalRenderer } from './incrementalRenderer';
export { exportDocumentPage } from './exportDocument';
