import * as vscode from 'vscode';
import type { HostApproval } from '../engine/auth/credential-host';
import type { Logger } from '../engine/logger';

/**
 * Confirms with a modal dialog, once per host, that credentials may go to a token host outside
 * Salesforce's domains and loopback. The engine never calls it for the hosts inside them. An
 * approval lasts until VS Code restarts, and a refusal is not remembered, so the next run asks
 * again.
 */
export class HostConfirmation {
  private readonly approvedHosts = new Set<string>();

  constructor(private readonly logger: Logger) {}

  /**
   * Returns the approval of one run. Hosts in `preApproved` (a command argument, for callers
   * without a dialog) count as approved without asking.
   */
  forRun(preApproved: readonly string[] = []): HostApproval {
    const allowed = new Set(preApproved.map((host) => host.trim().toLowerCase()));
    return (host) => this.approve(host.toLowerCase(), allowed);
  }

  private async approve(host: string, preApproved: ReadonlySet<string>): Promise<boolean> {
    if (this.approvedHosts.has(host) || preApproved.has(host)) {
      return true;
    }
    const send = vscode.l10n.t('Send Credentials');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Send the channel credentials to {0}?', host),
      {
        modal: true,
        detail: vscode.l10n.t(
          "{0} is outside Salesforce's domains. Continue only if it is your organization's token endpoint or proxy; otherwise check AuthorizationServerURL for a typo.",
          host,
        ),
      },
      send,
    );
    if (choice !== send) {
      this.logger.info(`Sending credentials to ${host} was not allowed.`);
      return false;
    }
    this.approvedHosts.add(host);
    this.logger.info(`Sending credentials to ${host} was allowed until VS Code restarts.`);
    return true;
  }
}
