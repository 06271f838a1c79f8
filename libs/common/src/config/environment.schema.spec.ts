import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { describe, expect, it } from '@jest/globals';
import { EnvironmentVariables } from './environment.schema';

/** Every variable the schema validates, read from class-validator's metadata. */
const schemaVariables = (): string[] =>
  [
    ...new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
        .map((metadata) => metadata.propertyName),
    ),
  ].sort();

describe('.env.example', () => {
  it('documents exactly the variables the schema knows', () => {
    const example = readFileSync(join(__dirname, '../../../../.env.example'), 'utf8');
    const documented = [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect([...new Set(documented)].sort()).toEqual(schemaVariables());
  });
});
