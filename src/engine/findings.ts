import { escapeControlCharacters } from './control-characters';

/** Severity of a finding, in the order VS Code and SARIF use. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A span of the channel file text, as UTF-16 offsets (the unit of JavaScript strings). */
export interface TextRange {
  readonly offset: number;
  readonly length: number;
}

/** A replacement of one span of the channel file text. */
export interface TextEdit extends TextRange {
  readonly newText: string;
}

/** One way to fix a finding: a title for the menu and the edits that perform it. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The single obvious fix, which VS Code offers first. */
  readonly isPreferred: boolean;
  /** Safe fixes run in fix-all and on save: never a deletion, never a choice among candidates. */
  readonly isSafe: boolean;
}

/** Another place in the same file that explains a finding, such as the first of two duplicates. */
export interface RelatedLocation {
  readonly range: TextRange;
  readonly message: string;
}

export type FindingTag = 'deprecated' | 'unnecessary';

/** A problem that the rules report on a channel file. */
export interface Finding {
  /** Stable kebab-case code, listed in the README. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: TextRange;
  readonly tags: readonly FindingTag[];
  readonly related: readonly RelatedLocation[];
  readonly fixes: readonly Fix[];
  /** The parameter the finding is about, when there is one. */
  readonly parameter?: string;
}

const NONE: readonly never[] = Object.freeze([]);

/** Builds a finding; absent optional lists share one frozen empty array. */
export function makeFinding(
  finding: Pick<Finding, 'code' | 'severity' | 'message' | 'range'> & Partial<Finding>,
): Finding {
  return {
    code: finding.code,
    severity: finding.severity,
    message: escapeControlCharacters(finding.message),
    range: finding.range,
    tags: finding.tags ?? NONE,
    related: finding.related ?? NONE,
    fixes: finding.fixes ?? NONE,
    parameter: finding.parameter,
  };
}
