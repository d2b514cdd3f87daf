import { getLocation } from 'jsonc-parser';
import * as vscode from 'vscode';
import { analyzeText } from '../engine/analyze';
import {
  findByLegacyName,
  findParameter,
  isRequired,
  type Flow,
  type ParameterDefinition,
} from '../engine/catalogue';
import { CHANNEL_DOCUMENT_SELECTOR, isChannelDocument } from './channel-document';

/**
 * Registers the hover on parameter names. The JSON schema's hover already shows each
 * parameter's description and its state in both flows, so this hover adds only the state under
 * the file's effective flow, and the deprecation of a legacy name, which the schema lacks.
 */
export function registerHover(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(CHANNEL_DOCUMENT_SELECTOR, new ParameterHoverProvider()),
  );
}

class ParameterHoverProvider implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!isChannelDocument(document)) {
      return undefined;
    }
    const text = document.getText();
    const location = getLocation(text, document.offsetAt(position));
    const [parent, name] = location.path;
    const key = location.previousNode;
    if (!location.isAtPropertyKey || parent !== 'parameters' || location.path.length !== 2) {
      return undefined;
    }
    if (typeof name !== 'string' || key === undefined) {
      return undefined;
    }
    const markdown = hoverText(name, analyzeText(text).effective.flow);
    if (markdown === undefined) {
      return undefined;
    }
    const range = new vscode.Range(
      document.positionAt(key.offset),
      document.positionAt(key.offset + key.length),
    );
    return new vscode.Hover(new vscode.MarkdownString(markdown), range);
  }
}

function hoverText(name: string, flow: Flow | undefined): string | undefined {
  const definition = findParameter(name);
  if (definition !== undefined) {
    return flow === undefined ? undefined : flowNote(definition, flow);
  }
  const legacy = findByLegacyName(name);
  if (legacy === undefined) {
    return undefined;
  }
  // The schema has no entry for a legacy name, so this hover carries the description too.
  const deprecation = vscode.l10n.t(
    '**Deprecated:** the module reads `{0}` as `{1}`. Rename it to `{1}`.',
    name,
    legacy.name,
  );
  const parts = [deprecation, legacy.description];
  if (flow !== undefined) {
    parts.push(flowNote(legacy, flow));
  }
  return parts.join('\n\n');
}

function flowNote(definition: ParameterDefinition, flow: Flow): string {
  if (definition.ignoredIn.includes(flow)) {
    return vscode.l10n.t('This file runs {0}, which ignores this parameter.', flow);
  }
  if (isRequired(definition, flow, 'token')) {
    return vscode.l10n.t('This file runs {0}, which requires this parameter to log in.', flow);
  }
  if (isRequired(definition, flow, 'send')) {
    return vscode.l10n.t(
      'This file runs {0}, which requires this parameter to send messages.',
      flow,
    );
  }
  return vscode.l10n.t('This file runs {0}; this parameter is optional.', flow);
}
