/**
 * The UI checks in the order they run (file names in test/ui/checks/, without extension). The
 * shared checks run one after another in one workbench, so this order is part of what each may
 * assume; a check with its own workbench (`ownWorkbench`) runs after all of them wherever it is
 * listed. Every file in test/ui/checks/ must be listed (a unit test holds the two together), so a
 * new check is placed on purpose, not by its name's alphabetical rank.
 */
export const UI_CHECK_ORDER: readonly string[] = [
  'hostileWebview',
  'hoverCard',
  'patternTree',
  'portfolio',
  'treeCoverage',
  'walkthrough',
  // Edits the sample analysis and switches the colour theme (and puts both back): last.
  'preview',
  'packaged',
  'restrictedMode',
  'webWorkerHost',
];
