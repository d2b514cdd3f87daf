import type { Finding, Severity } from '../../engine/findings';

/** Counts of findings by severity, and of files checked, with findings, and unreadable. */
export class CheckSummary {
  readonly counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  filesChecked = 0;
  filesWithFindings = 0;
  filesUnreadable = 0;

  add(findings: readonly Finding[]): void {
    this.filesChecked++;
    if (findings.length > 0) {
      this.filesWithFindings++;
    }
    for (const finding of findings) {
      this.counts[finding.severity]++;
    }
  }

  get total(): number {
    return this.counts.error + this.counts.warning + this.counts.information + this.counts.hint;
  }

  /** Describes the counts in one line such as "3 problems (1 error, 2 warnings, 0 information, 0 hints) in 2 of 5 files". */
  describe(): string {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const unreadable =
      this.filesUnreadable > 0 ? `; ${plural(this.filesUnreadable, 'file')} could not be read` : '';
    if (this.total === 0) {
      return `No problems in ${plural(this.filesChecked, 'file')}${unreadable}.`;
    }
    const { error, warning, information, hint } = this.counts;
    return (
      `${plural(this.total, 'problem')} (${plural(error, 'error')}, ${plural(warning, 'warning')}, ` +
      `${information} information, ${plural(hint, 'hint')}) in ${this.filesWithFindings} of ` +
      `${plural(this.filesChecked, 'file')}${unreadable}.`
    );
  }
}
