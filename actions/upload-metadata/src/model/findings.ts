/** What validation and reading report: errors stop the run before any write; warnings do not. */

export type FindingLevel = 'error' | 'warning' | 'notice';

export interface Finding {
  level: FindingLevel;
  /** Stable kind, e.g. `too-long`, `crlf`, `keywords-duplicate` (tests and grouping use it). */
  code: string;
  message: string;
  /** Workspace-relative path of the file the finding is about. */
  file?: string;
  line?: number;
  locale?: string;
  field?: string;
}

export const errorsOf = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.level === 'error');
export const warningsOf = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.level === 'warning');
