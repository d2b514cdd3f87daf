import type { Node } from 'jsonc-parser';
import { looksLikeParameterName, MODULE_NAME } from './catalogue';
import { makeFinding, type Finding } from './findings';
import { rangeOf } from './json-nodes';

const CHANNEL_FIELDS = ['party', 'component', 'name'];
const MODULE_FIELDS = ['name', 'key'];

function expectStringFields(objectName: string, value: Node, fields: readonly string[]): Finding[] {
  if (value.type !== 'object') {
    return [
      makeFinding({
        code: 'invalid-property',
        severity: 'warning',
        message: `"${objectName}" must be an object with the string fields ${fields.join(', ')}.`,
        range: rangeOf(value),
      }),
    ];
  }
  const findings: Finding[] = [];
  for (const property of value.children ?? []) {
    const [key, fieldValue] = property.children ?? [];
    if (key === undefined || fieldValue === undefined) {
      continue;
    }
    const field = String(key.value);
    if (!fields.includes(field)) {
      findings.push(
        makeFinding({
          code: 'unknown-property',
          severity: 'warning',
          message: `"${objectName}.${field}" is not a channel file property; expected ${fields.join(', ')}.`,
          range: rangeOf(key),
        }),
      );
    } else if (fieldValue.type !== 'string') {
      findings.push(
        makeFinding({
          code: 'invalid-property',
          severity: 'warning',
          message: `"${objectName}.${field}" must be a string.`,
          range: rangeOf(fieldValue),
        }),
      );
    }
  }
  return findings;
}

function moduleNameFindings(value: Node): Finding[] {
  const nameProperty = value.children?.find((p) => p.children?.[0]?.value === 'name');
  const nameValue = nameProperty?.children?.[1];
  if (nameValue?.type !== 'string' || nameValue.value === MODULE_NAME) {
    return [];
  }
  return [
    makeFinding({
      code: 'unexpected-module',
      severity: 'warning',
      message: `"module.name" is '${String(nameValue.value)}'; these parameters belong to the module ${MODULE_NAME}.`,
      range: rangeOf(nameValue),
    }),
  ];
}

function strayKeyFinding(name: string, key: Node): Finding {
  if (looksLikeParameterName(name)) {
    return makeFinding({
      code: 'misplaced-parameter',
      severity: 'warning',
      message: `'${name}' is outside the "parameters" object, so it is not read. Move it into "parameters".`,
      range: rangeOf(key),
      parameter: name,
    });
  }
  return makeFinding({
    code: 'unknown-property',
    severity: 'warning',
    message: `"${name}" is not a channel file property; expected $schema, channel, module or parameters.`,
    range: rangeOf(key),
  });
}

/** Checks the top-level properties other than `parameters`: `$schema`, `channel` and `module`. */
export function topLevelFindings(properties: readonly Node[]): Finding[] {
  const findings: Finding[] = [];
  for (const property of properties) {
    const [key, value] = property.children ?? [];
    if (key === undefined || value === undefined) {
      continue;
    }
    const name = String(key.value);
    if (name === 'parameters') {
      continue;
    }
    if (name === '$schema') {
      if (value.type !== 'string') {
        findings.push(
          makeFinding({
            code: 'invalid-property',
            severity: 'warning',
            message: '"$schema" must be a string.',
            range: rangeOf(value),
          }),
        );
      }
    } else if (name === 'channel') {
      findings.push(...expectStringFields('channel', value, CHANNEL_FIELDS));
    } else if (name === 'module') {
      findings.push(...expectStringFields('module', value, MODULE_FIELDS));
      findings.push(...moduleNameFindings(value));
    } else {
      findings.push(strayKeyFinding(name, key));
    }
  }
  return findings;
}
