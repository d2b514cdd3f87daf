import * as vscode from 'vscode';
import { EngineError } from '../engine/engine-error';
import type { SecretReference, SecretResolver } from '../engine/secrets';

const SECRET_KEY_PREFIX = 'skyvva.secret.';

/** The command that stores a secret for `${secret:NAME}` references. */

/** Returns the secret storage key of a `${secret:NAME}` reference's NAME. */
export function secretStorageKey(name: string): string {
  return SECRET_KEY_PREFIX + name;
}

/** Returns whether NAME may follow `${secret:` or `${env:` in a channel file. */
export function isValidSecretName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

/**
 * Creates the extension's resolver: `${secret:NAME}` reads VS Code's secret storage and
 * `${env:NAME}` reads the extension host's environment. A missing value raises
 * SECRET_NOT_FOUND with the name and the way to provide it.
 */
export function createVsCodeSecretResolver(
  secrets: vscode.SecretStorage,
  env: Readonly<Record<string, string | undefined>>,
): SecretResolver {
  return {
    async resolve(reference: SecretReference): Promise<string> {
      const value =
        reference.kind === 'secret'
          ? await secrets.get(secretStorageKey(reference.name))
          : env[reference.name];
      if (value !== undefined && value !== '') {
        return value;
      }
      throw new EngineError('SECRET_NOT_FOUND', missingMessage(reference));
    },
  };
}

function missingMessage(reference: SecretReference): string {
  if (reference.kind === 'secret') {
    return vscode.l10n.t(
      '{0} refers to the secret {1}, which is not in VS Code secret storage. Run "SKYVVA: Store Secret" to store it.',
      reference.parameter,
      reference.name,
    );
  }
  return vscode.l10n.t(
    '{0} refers to the environment variable {1}, which is not set or empty in the VS Code extension host. Set it and restart VS Code.',
    reference.parameter,
    reference.name,
  );
}
