import * as vscode from 'vscode';
import { buildChannelSchema } from '../engine/schema';
import { findValueCompletionContext, valueProposals } from '../engine/value-completion';
import { CHANNEL_DOCUMENT_SELECTOR, isChannelDocument } from './channel-document';
import { toRange } from './to-diagnostic';

/**
 * Registers value completion for OAuth2Flow, Operation and the X flags. Parameter names come
 * from the JSON schema through VS Code's JSON support, which also leaves out names that the
 * object already has, so this provider proposes no names.
 */
export function registerCompletion(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(
      CHANNEL_DOCUMENT_SELECTOR,
      new ValueCompletionProvider(),
      '"',
    ),
  );
}

class ValueCompletionProvider implements vscode.CompletionItemProvider {
  provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): vscode.CompletionItem[] {
    if (!isChannelDocument(document)) {
      return [];
    }
    const context = findValueCompletionContext(document.getText(), document.offsetAt(position));
    if (context === undefined) {
      return [];
    }
    const range = toRange(document, context.range);
    const schemaValues = schemaValuesOf(context.parameter);
    return valueProposals(context.parameter)
      .filter((proposal) => !schemaValues.has(proposal.value))
      .map((proposal) => {
        const quoted = JSON.stringify(proposal.value);
        const item = new vscode.CompletionItem(quoted, vscode.CompletionItemKind.EnumMember);
        item.detail = proposal.description;
        item.insertText = quoted;
        item.filterText = quoted;
        item.range = range;
        return item;
      });
  }
}

let schemaValues: ReadonlyMap<string, ReadonlySet<string>> | undefined;

/**
 * Returns the values that the schema's `examples` and `defaultSnippets` already propose for a
 * parameter. VS Code's JSON support lists those, so this provider leaves them out.
 */
function schemaValuesOf(parameter: string): ReadonlySet<string> {
  schemaValues ??= readSchemaValues();
  return schemaValues.get(parameter) ?? new Set();
}

interface ParameterSchema {
  readonly examples?: readonly unknown[];
  readonly defaultSnippets?: readonly { readonly body?: unknown }[];
}

function readSchemaValues(): ReadonlyMap<string, ReadonlySet<string>> {
  const schema = buildChannelSchema() as {
    properties: { parameters: { properties: Record<string, ParameterSchema> } };
  };
  const values = new Map<string, Set<string>>();
  for (const [name, parameter] of Object.entries(schema.properties.parameters.properties)) {
    const proposed = [
      ...(parameter.examples ?? []),
      ...(parameter.defaultSnippets ?? []).map((snippet) => snippet.body),
    ];
    values.set(name, new Set(proposed.filter((value) => typeof value === 'string')));
  }
  return values;
}
