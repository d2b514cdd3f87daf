import * as vscode from 'vscode';
import {
  IGNORED_UNDER_CLIENT_CREDENTIALS,
  planMigration,
  type MigrationPlan,
  type MigrationStep,
  type MigrationTask,
} from '../engine/migration';
import { MIGRATE_COMMAND } from '../language/code-actions';
import { toWorkspaceEdit } from '../language/text-edits';
import { reportError, resolveChannelDocument } from './channel-target';

/** Options of Migrate to Client-Credentials, so that callers such as tests need no dialog. */
export interface MigrateOptions {
  readonly uri?: vscode.Uri | string;
  /** Whether to remove SforceUsername and pwdSforceLoginPassword. When absent, a quick pick offers the choice. */
  readonly removeIgnored?: boolean;
}

/** The steps the migration made and the work it left, returned for callers such as tests. */
export interface MigrationOutcome {
  readonly steps: readonly MigrationStep[];
  readonly tasks: readonly MigrationTask[];
  readonly remainingErrorCodes: readonly string[];
}

/**
 * Registers Migrate to Client-Credentials. It takes a URI (from the refactoring or a menu), an
 * options object, or both, and applies the vendor's migration steps in one undoable edit.
 */
export function registerMigrateCommand(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(MIGRATE_COMMAND, (first?: unknown, second?: unknown) =>
      migrate(readArguments(first, second), log),
    ),
  );
}

function readArguments(first: unknown, second: unknown): MigrateOptions {
  const isOptions = (value: unknown): value is MigrateOptions =>
    typeof value === 'object' && value !== null && !(value instanceof vscode.Uri);
  if (isOptions(first)) {
    return first;
  }
  const options = isOptions(second) ? second : {};
  return { ...options, uri: first as vscode.Uri | string | undefined };
}

async function migrate(
  options: MigrateOptions,
  log: vscode.LogOutputChannel,
): Promise<MigrationOutcome | undefined> {
  const document = await resolveChannelDocument(options.uri, log);
  if (document === undefined) {
    return undefined;
  }
  const name = vscode.workspace.asRelativePath(document.uri);
  const removeIgnored = options.removeIgnored ?? (await askToRemoveIgnored(document.getText()));
  if (removeIgnored === undefined) {
    return undefined;
  }

  const plan = planMigration(document.getText(), { removeIgnored });
  if (!plan.isParsed) {
    reportError(
      log,
      vscode.l10n.t('{0} cannot be migrated until its syntax errors are fixed.', name),
    );
    return undefined;
  }
  if (plan.edit !== undefined) {
    const isApplied = await vscode.workspace.applyEdit(toWorkspaceEdit(document, [plan.edit]));
    if (!isApplied) {
      reportError(log, vscode.l10n.t('Applying the migration to {0} failed.', name));
      return undefined;
    }
  }
  report(name, plan, log);
  return {
    steps: plan.steps,
    tasks: plan.tasks,
    remainingErrorCodes: plan.remainingErrors.map((finding) => finding.code),
  };
}

/** Asks whether to remove the ignored parameters; undefined when the user cancels. */
async function askToRemoveIgnored(text: string): Promise<boolean | undefined> {
  const plan = planMigration(text, { removeIgnored: false });
  if (!plan.tasks.some((task) => task.kind === 'ignored-kept')) {
    return false;
  }
  const names = IGNORED_UNDER_CLIENT_CREDENTIALS.join(', ');
  const remove = { label: vscode.l10n.t('Remove {0}', names), remove: true };
  const keep = {
    label: vscode.l10n.t('Keep them'),
    description: vscode.l10n.t('Client-Credentials ignores them'),
    remove: false,
  };
  const picked = await vscode.window.showQuickPick([remove, keep], {
    title: vscode.l10n.t('Migrate to Client-Credentials'),
    placeHolder: vscode.l10n.t('Client-Credentials ignores {0}. Remove them?', names),
  });
  return picked?.remove;
}

/** Logs every step and shows a summary with what is left to do. */
function report(name: string, plan: MigrationPlan, log: vscode.LogOutputChannel): void {
  const done = plan.steps.map(describeStep);
  const todo = plan.tasks.map(describeTask);
  log.info(`Migrated ${name} to Client-Credentials.`);
  for (const line of done) {
    log.info(`  done: ${line}`);
  }
  for (const line of todo) {
    log.info(`  to do: ${line}`);
  }
  for (const finding of plan.remainingErrors) {
    log.info(`  error left: ${finding.code}: ${finding.message}`);
  }
  const summary =
    done.length === 0
      ? vscode.l10n.t('{0} already uses Client-Credentials.', name)
      : vscode.l10n.t('Migrated {0} to Client-Credentials ({1} changes).', name, done.length);
  const message = `${summary} ${vscode.l10n.t('Still to do: {0}', todo.join(' '))}`;
  void vscode.window
    .showInformationMessage(message, vscode.l10n.t('Show Log'))
    .then((choice) => (choice === undefined ? undefined : log.show()));
}

function describeStep(step: MigrationStep): string {
  switch (step.kind) {
    case 'flow-added':
      return vscode.l10n.t('Added OAuth2Flow = Client-Credentials.');
    case 'flow-changed':
      return vscode.l10n.t(
        'Changed OAuth2Flow from {0} to Client-Credentials.',
        JSON.stringify(step.previous),
      );
    case 'url-changed':
      return vscode.l10n.t('Pointed AuthorizationServerURL at {0}.', step.url);
    case 'legacy-key-renamed':
      return vscode.l10n.t('Renamed ConsumeKey to ConsumerKey.');
    case 'legacy-key-removed':
      return vscode.l10n.t('Removed ConsumeKey, because ConsumerKey is set.');
    case 'ignored-removed':
      return vscode.l10n.t('Removed {0}.', step.names.join(', '));
    case 'safe-fixes-applied':
      return vscode.l10n.t('Applied {0} safe fixes.', step.count);
  }
}

function describeTask(task: MigrationTask): string {
  switch (task.kind) {
    case 'new-credentials':
      return vscode.l10n.t(
        'Set ConsumerKey and ConsumerSecret to the consumer key and secret of the External Client App.',
      );
    case 'my-domain-host':
      return vscode.l10n.t(
        "Replace {0} in AuthorizationServerURL with the org's My Domain host, such as your-domain.my.salesforce.com.",
        task.host,
      );
    case 'url-missing':
      return vscode.l10n.t(
        'Add AuthorizationServerURL = https://<your-domain>.my.salesforce.com/services/oauth2/token.',
      );
    case 'url-not-changed':
      return vscode.l10n.t(
        'Correct AuthorizationServerURL: it is not a URL the migration could change.',
      );
    case 'ignored-kept':
      return vscode.l10n.t(
        'Remove {0} when you like; Client-Credentials ignores them.',
        task.names.join(', '),
      );
  }
}
