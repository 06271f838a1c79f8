import { describe, expect, it, jest } from '@jest/globals';
import { compileFormat } from './format-checker';

/** Which of ajv / re2js have been required since the module registry was reset. */
function watchEngines(): string[] {
  const loaded: string[] = [];
  for (const name of ['ajv', 'ajv/dist/2019', 'ajv/dist/2020', 're2js']) {
    jest.doMock(name, () => {
      loaded.push(name);
      return jest.requireActual(name);
    });
  }
  return loaded;
}

describe('compileFormat', () => {
  it('requires ajv and re2js only when a response_format needs them', () => {
    jest.resetModules();
    const loaded = watchEngines();
    const fresh = jest.requireActual<typeof import('./format-checker')>('./format-checker');
    expect(fresh.compileFormat({ type: 'json_object' })('{"a":1}')).toEqual({
      ok: true,
      content: '{"a":1}',
    });
    expect(loaded).toEqual([]);
    const schema = { type: 'object', required: ['a'] };
    const check = fresh.compileFormat({ type: 'json_schema', jsonSchema: { name: 'x', schema } });
    expect(loaded).toEqual(['ajv', 'ajv/dist/2019', 'ajv/dist/2020', 're2js']);
    expect(check('{"a":1}').ok).toBe(true);
    expect(check('{"b":1}').ok).toBe(false);
    jest.resetModules();
  });

  it('checks a JSON Schema by the draft it names, and a regex with RE2', () => {
    const schema2020 = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'array',
      prefixItems: [{ type: 'number' }],
      items: false,
    };
    const tuple = compileFormat({
      type: 'json_schema',
      jsonSchema: { name: 't', schema: schema2020 },
    });
    expect(tuple('[1]').ok).toBe(true);
    expect(tuple('[1, 2]').ok).toBe(false);
    const regex = compileFormat({ type: 'regex', regex: '[a-z]+-\\d{2}' });
    expect(regex(' abc-12 ')).toEqual({ ok: true, content: 'abc-12' });
    expect(regex('abc-1').ok).toBe(false);
    expect(() => compileFormat({ type: 'regex', regex: '(?<=a)b' })).toThrow(/regex/);
  });
});
