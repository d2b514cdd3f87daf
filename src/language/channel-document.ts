import type * as vscode from 'vscode';

const CHANNEL_FILE_SUFFIX = '.skyvva.json';

/** The contributed language of channel files, and plain JSON, which people switch files to. */
const CHANNEL_LANGUAGES: ReadonlySet<string> = new Set(['jsonc', 'json']);

/** Schemes of editable files. Read-only views such as `git:` diffs get no diagnostics. */
const ANALYSED_SCHEMES: ReadonlySet<string> = new Set(['file', 'untitled']);

/** The documents that the language features serve; each provider checks `isChannelDocument` too. */
export const CHANNEL_DOCUMENT_SELECTOR: vscode.DocumentFilter[] = [...CHANNEL_LANGUAGES].flatMap(
  (language) =>
    [...ANALYSED_SCHEMES].map((scheme) => ({
      language,
      scheme,
      pattern: `**/*${CHANNEL_FILE_SUFFIX}`,
    })),
);

/** Tells whether a document is a channel file that the rules check. */
export function isChannelDocument(document: vscode.TextDocument): boolean {
  return (
    ANALYSED_SCHEMES.has(document.uri.scheme) &&
    CHANNEL_LANGUAGES.has(document.languageId) &&
    document.uri.path.endsWith(CHANNEL_FILE_SUFFIX)
  );
}

/** Tells whether a document has saved bytes whose encoding can be checked. */
export function hasSavedBytes(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file';
}
