/**
 * What the localized integration run and its runner agree on (no 'vscode' import: the runner is
 * plain node). The runner copies the built extension to a temp folder, adds a pseudo-locale bundle
 * made from the generated l10n/bundle.l10n.json, and opens it in a host whose display language is
 * that locale; the suite checks that the extension's messages come out of that file.
 */
export const LOCALE = 'qps-ploc';

/** The bundle file the runner writes into the copy's l10n folder. */
export const LOCALE_BUNDLE = `bundle.l10n.${LOCALE}.json`;

/** A message whose translation the runner replaces with a hostile one: it must still arrive inert. */
export const HOSTILE_KEY = 'Pattern Analyst: open a markdown analysis first, then export it to PDF.';
export const HOSTILE_PREFIX = '[Run](command:workbench.action.terminal.new) $(alert) ';
