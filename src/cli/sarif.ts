/**
 * `lint --format sarif`: the findings as one SARIF 2.1.0 log, the format GitHub code scanning and
 * other CI dashboards read. Each rule carries its description and help; each result its region
 * (1-based lines, UTF-16 columns, as the editor counts); findings an inline suppression hides are
 * still reported, with an `inSource` suppression and the comment's reason as justification, so a
 * dashboard shows them as acknowledged rather than losing them.
 */
import type * as Sarif from 'sarif';
import { RULE_INFO } from '../analysis/ruleInfo';
import type { Finding, RuleId, Severity, SuppressedFinding } from '../analysis/types';
import { DEFAULT_LEVELS } from '../analysis/checkLevels';

export interface SarifFile {
  /** Path relative to the working folder, with `/`. */
  readonly file: string;
  readonly findings: readonly Finding[];
  readonly suppressed: readonly SuppressedFinding[];
}

const LEVEL: Readonly<Record<Severity, Sarif.ReportingConfiguration.level>> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export function sarifLog(files: readonly SarifFile[], toolVersion: string, errors: readonly string[]): Sarif.Log {
  const ruleIds = Object.keys(RULE_INFO) as RuleId[];
  const rules: Sarif.ReportingDescriptor[] = ruleIds.map((id) => {
    const level = DEFAULT_LEVELS[id];
    return {
      id,
      name: id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
      shortDescription: { text: RULE_INFO[id].summary },
      fullDescription: { text: RULE_INFO[id].summary },
      help: { text: RULE_INFO[id].help.replace(/`/g, ''), markdown: RULE_INFO[id].help },
      defaultConfiguration: level === 'off' ? { enabled: false } : { level: LEVEL[level] },
    };
  });
  const results: Sarif.Result[] = [];
  for (const f of files) {
    const own: Sarif.Result[] = f.findings.map((finding) => result(f.file, finding, ruleIds));
    for (const finding of f.suppressed) {
      own.push({
        ...result(f.file, finding, ruleIds),
        suppressions: [{ kind: 'inSource', status: 'accepted', ...(finding.acknowledged.reason && { justification: finding.acknowledged.reason }), location: location(f.file, finding.acknowledged.range) }],
      });
    }
    // Document order within a file, shown and acknowledged findings together.
    results.push(...own.sort((a, b) => start(a) - start(b)));
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'pattern-analyst', version: toolVersion, semanticVersion: toolVersion, rules } },
      invocations: [{
        executionSuccessful: errors.length === 0,
        toolExecutionNotifications: errors.map((text) => ({ level: 'error', message: { text } })),
      }],
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
}

function result(file: string, f: Finding, ruleIds: readonly RuleId[]): Sarif.Result {
  return { ruleId: f.rule, ruleIndex: ruleIds.indexOf(f.rule), level: LEVEL[f.severity], message: { text: f.message }, locations: [location(file, f.range)] };
}

function location(file: string, r: Finding['range']): Sarif.Location {
  return {
    physicalLocation: {
      // A relative reference: code scanning resolves it against the repository checkout.
      artifactLocation: { uri: file.split('/').map(encodeURIComponent).join('/') },
      region: { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 },
    },
  };
}

function start(r: Sarif.Result): number {
  const region = r.locations?.[0].physicalLocation?.region;
  return (region?.startLine ?? 0) * 1e6 + (region?.startColumn ?? 0);
}
