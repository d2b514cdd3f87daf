import { MODULE_NAME, PARAMETERS, type ParameterDefinition } from './catalogue';

type JsonSchema = Record<string, unknown>;

function flowsText(definition: ParameterDefinition): string {
  const lines: string[] = [];
  for (const flow of ['Client-Credentials', 'Username-Password'] as const) {
    const state = definition.ignoredIn.includes(flow)
      ? 'ignored'
      : definition.requiredIn.includes(flow)
        ? definition.neededFor === 'token'
          ? 'required'
          : 'required to send messages'
        : 'optional';
    lines.push(`- ${flow}: ${state}`);
  }
  return lines.join('\n');
}

function parameterSchema(definition: ParameterDefinition): JsonSchema {
  const notes = [definition.description, '', flowsText(definition)];
  if (definition.isSecret) {
    notes.push('', 'Secret: masked in every output.');
  }
  if (definition.legacyNames.length > 0) {
    notes.push('', `Deprecated name still read: \`${definition.legacyNames.join('`, `')}\`.`);
  }
  return {
    description: definition.description.replace(/`/g, ''),
    markdownDescription: notes.join('\n'),
    // VS Code inserts the first example as the value when it completes the name, and it lists
    // the examples as value proposals. A defaultSnippet would list the same value a second time.
    examples: [definition.example],
  };
}

/**
 * Builds the channel file JSON schema from the catalogue. It serves completion and hover only:
 * it has no type, enum, required, additionalProperties or deprecation keywords, because VS Code
 * would report those as findings of its own beside the rules' findings.
 */
export function buildChannelSchema(): JsonSchema {
  const parameters = Object.fromEntries(
    PARAMETERS.map((definition) => [definition.name, parameterSchema(definition)]),
  );
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'SKYVVA channel file',
    description: `Module parameters of a SAP PI/PO receiver channel with the ${MODULE_NAME} module.`,
    allowComments: true,
    allowTrailingCommas: true,
    properties: {
      $schema: { description: 'The JSON schema of channel files.' },
      channel: {
        description: 'The communication channel in the Integration Directory.',
        properties: {
          party: { description: 'Communication party; often empty.' },
          component: { description: 'Communication component, such as a business system.' },
          name: { description: 'Communication channel name.' },
        },
        defaultSnippets: [{ body: { party: '', component: '$1', name: '$2' } }],
      },
      module: {
        description: 'The module of the channel that reads the parameters.',
        properties: {
          name: { description: `Module name: ${MODULE_NAME}.`, examples: [MODULE_NAME] },
          key: { description: 'Module key in the module sequence.' },
        },
        defaultSnippets: [{ body: { name: MODULE_NAME, key: '$1' } }],
      },
      parameters: {
        description: 'Module parameter name → value. Names are case-sensitive; values are strings.',
        properties: parameters,
      },
    },
  };
}

/** Returns the schema file's text as committed: two-space indentation and a final line break. */
export function channelSchemaText(): string {
  return `${JSON.stringify(buildChannelSchema(), null, 2)}\n`;
}
