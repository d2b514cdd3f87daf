import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PARAMETERS } from '../../src/engine/catalogue';
import { buildChannelSchema, channelSchemaText } from '../../src/engine/schema';

const SCHEMA_FILE = join(__dirname, '..', '..', '..', 'schemas', 'skyvva-channel.schema.json');

test('committed schema matches the catalogue', () => {
  const committed = readFileSync(SCHEMA_FILE, 'utf8');
  assert.equal(committed, channelSchemaText(), 'schemas/ is stale: run npm run schema:generate');
});

test('schema carries no validation keywords', () => {
  const forbidden = [
    'type',
    'enum',
    'required',
    'additionalProperties',
    'deprecated',
    'deprecationMessage',
    'pattern',
  ];
  const found: string[] = [];
  const visit = (node: unknown, path: string): void => {
    if (node === null || typeof node !== 'object') {
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (forbidden.includes(key) && !path.endsWith('.properties')) {
        found.push(`${path}.${key}`);
      }
      visit(value, `${path}.${key}`);
    }
  };
  visit(buildChannelSchema(), '$');
  assert.deepEqual(found, []);
});

test('schema describes every parameter', () => {
  const schema = buildChannelSchema() as {
    properties: { parameters: { properties: Record<string, { markdownDescription: string }> } };
  };
  const described = schema.properties.parameters.properties;
  assert.deepEqual(
    Object.keys(described),
    PARAMETERS.map((definition) => definition.name),
  );
  assert.match(described.SforceUsername?.markdownDescription ?? '', /Client-Credentials: ignored/);
  assert.match(described.ConsumerKey?.markdownDescription ?? '', /ConsumeKey/);
});
