import * as vscode from 'vscode';
import { analyzeText } from '../engine/analyze';
import type { ParameterEntry } from '../engine/parser';
import { parseSecretReference } from '../engine/secrets';
import { toUri } from '../vscode-engine/command-arguments';
import type { RunServices } from '../vscode-engine/run-services';
import { STORE_SECRET_COMMAND } from '../vscode-engine/engine-command-ids';
import { isValidSecretName, secretStorageKey } from '../vscode-engine/secret-resolver';

/** Arguments of Store Secret; each one that is missing is asked for. */
export interface StoreSecretOptions {
  /** The NAME of `${secret:NAME}`. */
  readonly name?: string;
  readonly value?: string;
  /** With `parameter`: the channel file whose literal value moves to secret storage. */
  readonly document?: vscode.Uri | string;
  readonly parameter?: string;
}

/** The outcome of Store Secret. It never contains the value. */
export interface StoreSecretResult {
  readonly name: string;
  /** Whether the parameter's literal value was replaced with `${secret:NAME}`. */
  readonly isReferenceWritten: boolean;
}

/**
 * Registers Store Secret: it stores a value in VS Code secret storage for `${secret:NAME}`.
 * Given a channel file and a parameter, it moves that parameter's literal value there and
 * writes the reference in its place, which is the "Move to secret storage" quick fix.
 */
export function registerStoreSecretCommand(
  context: vscode.ExtensionContext,
  services: RunServices,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(STORE_SECRET_COMMAND, (options?: unknown) =>
      storeSecret(services, (options ?? {}) as StoreSecretOptions),
    ),
  );
}

async function storeSecret(
  services: RunServices,
  options: StoreSecretOptions,
): Promise<StoreSecretResult | undefined> {
  const target = await findLiteral(services, options);
  if (target === null) {
    return undefined;
  }
  const name = options.name ?? (await askName(options.parameter));
  if (name === undefined) {
    return undefined;
  }
  if (!isValidSecretName(name)) {
    services.notifier.error(invalidNameMessage(name));
    return undefined;
  }
  const value = options.value ?? target?.entry.value ?? (await askValue(name));
  if (value === undefined || value === '') {
    return undefined;
  }

  services.redactor.addSecret(value);
  await services.secrets.store(secretStorageKey(name), value);
  services.logger.info(`Stored the secret ${name} in VS Code secret storage.`);
  const isReferenceWritten =
    target !== undefined && (await writeReference(target.document, target.entry, name));
  services.notifier.info(
    isReferenceWritten
      ? vscode.l10n.t(
          'Moved {0} to VS Code secret storage as {1}.',
          target?.entry.name ?? '',
          `\${secret:${name}}`,
        )
      : vscode.l10n.t('Stored the secret {0} in VS Code secret storage.', name),
  );
  return { name, isReferenceWritten };
}

interface LiteralTarget {
  readonly document: vscode.TextDocument;
  readonly entry: ParameterEntry;
}

/**
 * Finds the parameter whose literal value moves to secret storage. Returns undefined when the
 * command stores a value on its own, and null when the named parameter cannot be moved.
 */
async function findLiteral(
  services: RunServices,
  options: StoreSecretOptions,
): Promise<LiteralTarget | undefined | null> {
  const uri = toUri(options.document);
  if (uri === undefined || options.parameter === undefined) {
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const analysis = analyzeText(document.getText());
  const entry = analysis.document.entryIndex.get(options.parameter);
  if (entry?.value === undefined || entry.valueType !== 'string' || entry.value === '') {
    services.notifier.error(
      vscode.l10n.t(
        '{0} has no literal string value to move to secret storage.',
        options.parameter,
      ),
    );
    return null;
  }
  if (parseSecretReference(entry.name, entry.value) !== undefined) {
    services.notifier.info(
      vscode.l10n.t('{0} already refers to a secret; nothing was moved.', entry.name),
    );
    return null;
  }
  return { document, entry };
}

async function askName(parameter: string | undefined): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Store Secret'),
    prompt: vscode.l10n.t('Name of the secret, as written in {0}', '${secret:NAME}'),
    value: parameter === undefined ? '' : suggestName(parameter),
    validateInput: (name) => (isValidSecretName(name) ? undefined : invalidNameMessage(name)),
    ignoreFocusOut: true,
  });
}

async function askValue(name: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Store Secret'),
    prompt: vscode.l10n.t('Value of the secret {0}', name),
    password: true,
    ignoreFocusOut: true,
  });
}

/** Replaces the literal value with the reference; saves when the file had no other changes. */
async function writeReference(
  document: vscode.TextDocument,
  entry: ParameterEntry,
  name: string,
): Promise<boolean> {
  const wasDirty = document.isDirty;
  const range = new vscode.Range(
    document.positionAt(entry.valueRange.offset),
    document.positionAt(entry.valueRange.offset + entry.valueRange.length),
  );
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, range, JSON.stringify(`\${secret:${name}}`));
  if (!(await vscode.workspace.applyEdit(edit))) {
    return false;
  }
  if (!wasDirty && !document.isUntitled) {
    await document.save();
  }
  return true;
}

/** Suggests NAME for a parameter: `ConsumerSecret` becomes `SKYVVA_CONSUMER_SECRET`. */
function suggestName(parameter: string): string {
  const words = parameter.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9_]/g, '_');
  return `SKYVVA_${words.toUpperCase()}`;
}

function invalidNameMessage(name: string): string {
  return vscode.l10n.t(
    'The secret name "{0}" is invalid: use letters, digits and underscores, not starting with a digit.',
    name,
  );
}
