import * as vscode from 'vscode';
import type { NetworkCommandOptions } from './channel-run';

/** Reads NetworkCommandOptions from a command argument, ignoring fields of the wrong type. */
export function readNetworkCommandOptions(value: unknown): NetworkCommandOptions {
  if (typeof value !== 'object' || value === null) {
    return {};
  }
  const fields = value as Record<string, unknown>;
  const hosts = fields.approvedHosts;
  const cancellation = fields.cancellation as Partial<vscode.CancellationToken> | undefined;
  return {
    approvedHosts: Array.isArray(hosts)
      ? hosts.filter((host): host is string => typeof host === 'string')
      : undefined,
    cancellation:
      typeof cancellation?.onCancellationRequested === 'function'
        ? (cancellation as vscode.CancellationToken)
        : undefined,
    renew: fields.renew === true,
  };
}

/** Returns a URI from a command argument: a Uri or a URI string; undefined for anything else. */
export function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) {
    return value;
  }
  if (typeof value === 'string' && value !== '') {
    return vscode.Uri.parse(value, true);
  }
  return undefined;
}
