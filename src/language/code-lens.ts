import * as vscode from 'vscode';
import { analyzeText } from '../engine/analyze';
import { CHANNEL_DOCUMENT_SELECTOR, isChannelDocument } from './channel-document';

/** The command that the flow lens runs. */
export const SHOW_EFFECTIVE_COMMAND = 'skyvva.showEffectiveParameters';

/** Registers the lens at the top of a channel file that names its effective flow. */
export function registerCodeLens(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.languages.registerCodeLensProvider(
      CHANNEL_DOCUMENT_SELECTOR,
      new FlowCodeLensProvider(),
    ),
  );
}

class FlowCodeLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!isChannelDocument(document)) {
      return [];
    }
    const title = flowTitle(document.getText());
    const top = new vscode.Range(0, 0, 0, 0);
    return [
      new vscode.CodeLens(top, {
        title,
        tooltip: vscode.l10n.t('Show the parameters that the module will read'),
        command: SHOW_EFFECTIVE_COMMAND,
        arguments: [document.uri],
      }),
    ];
  }
}

function flowTitle(text: string): string {
  const analysis = analyzeText(text);
  if (!analysis.parsed) {
    return vscode.l10n.t('Flow: unknown until the file parses');
  }
  const { flow, flowValue } = analysis.effective;
  if (flow === undefined) {
    return vscode.l10n.t('Flow: unsupported value {0}', JSON.stringify(flowValue ?? ''));
  }
  if (flowValue === undefined || flowValue === '') {
    return vscode.l10n.t('Flow: {0} (default)', flow);
  }
  return vscode.l10n.t('Flow: {0}', flow);
}
