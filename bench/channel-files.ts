import { PARAMETERS } from '../src/engine/catalogue';

const FLAWS: readonly ((parameters: Record<string, unknown>) => void)[] = [
  () => undefined,
  (parameters) => {
    parameters.oauth2Flow = parameters.OAuth2Flow;
    delete parameters.OAuth2Flow;
  },
  (parameters) => {
    parameters.ConsumerSecret = 'demo-secret ';
  },
  (parameters) => {
    parameters.ConsumeKey = parameters.ConsumerKey;
    delete parameters.ConsumerKey;
  },
  (parameters) => {
    parameters.AuthorizationServerURL = 'https://login.salesforce.com/services/Soap/u/59.0';
  },
];

function baseParameters(index: number): Record<string, unknown> {
  return {
    OAuth2Flow: 'Client-Credentials',
    AuthorizationServerURL: `https://org${index}.my.salesforce.com/services/oauth2/token`,
    ConsumerKey: `3MVG9KEY${index}`,
    ConsumerSecret: '${env:CONSUMER_SECRET}',
    Integration: `INT_${index}`,
    Inteface: `IF_${index}`,
    Operation: 'Skyvva Bulk',
    BulkPackageSize: '50',
    AppVersion: '2.48',
    'SessionPooling.Active': 'X',
    SessionGlobalFilePath: '/usr/sap/PO1/SYS/global',
  };
}

/**
 * Generates channel files like real ones, with a comment each. With `withFlaws`, four files in
 * five carry one kind of mistake; otherwise all are clean.
 */
export function generateChannelFiles(
  count: number,
  withFlaws: boolean,
): { name: string; text: string }[] {
  return Array.from({ length: count }, (_, index) => {
    const parameters = baseParameters(index);
    if (withFlaws) {
      FLAWS[index % FLAWS.length]?.(parameters);
    }
    const body = JSON.stringify(
      { channel: { party: '', component: 'BC_ERP', name: `CC_${index}` }, parameters },
      null,
      2,
    );
    return {
      name: `channel-${index}.skyvva.json`,
      text: `// generated channel ${index}\n${body}\n`,
    };
  });
}

/** Builds a channel file with 40 parameters: the catalogue's, some unknown names and near misses. */
export function fortyParameterChannel(): string {
  const parameters: Record<string, string> = {};
  for (const definition of PARAMETERS) {
    parameters[definition.name] = definition.example;
  }
  let extra = 0;
  while (Object.keys(parameters).length < 40) {
    parameters[extra % 2 === 0 ? `CustomSetting${extra}` : `SessionPooling.Activ${extra}`] = 'x';
    extra++;
  }
  return JSON.stringify({ parameters }, null, 2);
}
