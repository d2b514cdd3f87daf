import { escapeControlCharacters } from '../control-characters';
import type { Redactor } from '../redact';
import { MODULE_VERSION } from '../vendor-texts';

/** Receives each audit-log line as it is written, already redacted. */
export type AuditSink = (line: string) => void;

export const TOOL_NAME = 'SKYVVA Channel Tools';
const TOOL_ID = 'skyvva-channel';

/**
 * The transcript of one run, shaped like the SKYVVA module's audit log. Lines carry the prefix
 * `skyvva-channel_v<version>/SKYVVA/<component>.<n>:` so they read like the module's lines
 * and are never mistaken for a PI/PO log. Every line passes through the redactor.
 */
export class AuditLog {
  private readonly written: string[] = [];

  constructor(
    private readonly toolVersion: string,
    private readonly redactor: Redactor,
    private readonly sink: AuditSink | undefined,
  ) {}

  /** The lines written so far. */
  get lines(): readonly string[] {
    return this.written;
  }

  /** Writes the first line, which names this tool and its version. */
  writeHeader(): void {
    this.emit(
      `${TOOL_NAME} ${this.toolVersion} (${TOOL_ID}): audit log of a local run, following ` +
        `the SKYVVA connector module v${MODULE_VERSION}; not a SAP PI/PO log.`,
    );
  }

  /** Writes one module-shaped line; `text` may span lines, which are indented below it. */
  /**
   * Writes one entry. Control characters become visible escapes and continuation lines are
   * indented, so text from a channel file, a payload or Salesforce can neither drive the
   * terminal nor pass for a line of its own.
   */
  write(component: string, lineNumber: number, text: string): void {
    const safeText = escapeControlCharacters(text, '\n\t').replace(/\n/g, '\n  ');
    this.emit(`${TOOL_ID}_v${this.toolVersion}/SKYVVA/${component}.${lineNumber}: ${safeText}`);
  }

  private emit(line: string): void {
    const redacted = this.redactor.redact(line);
    this.written.push(redacted);
    this.sink?.(redacted);
  }
}
