import { looksLikeParameterName, MODULE_NAME } from './catalogue';
import { makeFinding, type Finding } from './findings';
import type { OutlineProperty } from './json-outline';

const CHANNEL_FIELDS = ['party', 'component', 'name'];
const MODULE_FIELDS = ['name', 'key'];

function expectStringFields(object: OutlineProperty, fields: readonly string[]): Finding[] {
  if (object.valueType !== 'object' || object.properties === undefined) {
    return [
      makeFinding({
        code: 'invalid-property',
        severity: 'warning',
        message: `"${object.name}" must be an object with the string fields ${fields.join(', ')}.`,
        range: object.valueRange,
      }),
    ];
  }
  const findings: Finding[] = [];
  for (const field of object.properties) {
    if (!fields.includes(field.name)) {
      findings.push(
        makeFinding({
          code: 'unknown-property',
          severity: 'warning',
          message: `"${object.name}.${field.name}" is not a channel file property; expected ${fields.join(', ')}.`,
          range: field.keyRange,
        }),
      );
    } else if (field.valueType !== 'string') {
      findings.push(
        makeFinding({
          code: 'invalid-property',
          severity: 'warning',
          message: `"${object.name}.${field.name}" must be a string.`,
          range: field.valueRange,
        }),
      );
    }
  }
  return findings;
}

function moduleNameFindings(module: OutlineProperty): Finding[] {
  const name = module.properties?.find((field) => field.name === 'name');
  if (name?.valueType !== 'string' || name.value === MODULE_NAME) {
    return [];
  }
  return [
    makeFinding({
      code: 'unexpected-module',
      severity: 'warning',
      message: `"module.name" is '${String(name.value)}'; these parameters belong to the module ${MODULE_NAME}.`,
      range: name.valueRange,
    }),
  ];
}

function strayKeyFinding(property: OutlineProperty): Finding {
  if (looksLikeParameterName(property.name)) {
    return makeFinding({
      code: 'misplaced-parameter',
      severity: 'warning',
      message: `'${property.name}' is outside the "parameters" object, so it is not read. Move it into "parameters".`,
      range: property.keyRange,
      parameter: property.name,
    });
  }
  return makeFinding({
    code: 'unknown-property',
    severity: 'warning',
    message: `"${property.name}" is not a channel file property; expected $schema, channel, module or parameters.`,
    range: property.keyRange,
  });
}

/** Checks the top-level properties other than `parameters`: `$schema`, `channel` and `module`. */
export function topLevelFindings(properties: readonly OutlineProperty[]): Finding[] {
  const findings: Finding[] = [];
  for (const property of properties) {
    if (property.name === 'parameters') {
      continue;
    }
    if (property.name === '$schema') {
      if (property.valueType !== 'string') {
        findings.push(
          makeFinding({
            code: 'invalid-property',
            severity: 'warning',
            message: '"$schema" must be a string.',
            range: property.valueRange,
          }),
        );
      }
    } else if (property.name === 'channel') {
      findings.push(...expectStringFields(property, CHANNEL_FIELDS));
    } else if (property.name === 'module') {
      findings.push(...expectStringFields(property, MODULE_FIELDS));
      findings.push(...moduleNameFindings(property));
    } else {
      findings.push(strayKeyFinding(property));
    }
  }
  return findings;
}
