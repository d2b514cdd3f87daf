import { isRequired, MODULE_NAME, PARAMETERS, type ParameterDefinition } from './catalogue';

const TEMPLATE_FLOW = 'Client-Credentials';

/** Parameters that the template sets beyond the required ones, because the vendor recommends them. */
const RECOMMENDED = ['SessionPooling.Active', 'SessionGlobalFilePath'];

/** Turns a parameter name into a secret name, such as `ConsumerSecret` into `CONSUMER_SECRET`. */
export function secretNameFor(parameterName: string): string {
  return parameterName.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

function templateValue(definition: ParameterDefinition): string {
  if (definition.isSecret) {
    return `\${secret:${secretNameFor(definition.name)}}`;
  }
  return definition.example;
}

/**
 * Builds the text of a new Client-Credentials channel file from the catalogue: every parameter
 * that Client-Credentials requires plus session pooling, with the catalogue's examples as
 * values and `${secret:NAME}` references in place of secrets.
 */
export function buildChannelTemplate(): string {
  const included = PARAMETERS.filter(
    (definition) =>
      definition.name === 'OAuth2Flow' ||
      isRequired(definition, TEMPLATE_FLOW, 'send') ||
      RECOMMENDED.includes(definition.name),
  );
  const parameters = Object.fromEntries(
    included.map((definition) => [definition.name, templateValue(definition)]),
  );
  const file = {
    channel: { party: '', component: '', name: '' },
    module: { name: MODULE_NAME, key: '' },
    parameters,
  };
  const comment =
    '// SKYVVA V3 receiver channel (Client-Credentials). Replace the example values with those\n' +
    '// of your org and External Client App; store the secret with a ${secret:NAME} reference.\n';
  return `${comment}${JSON.stringify(file, null, 2)}\n`;
}
