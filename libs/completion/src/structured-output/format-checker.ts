import type { default as Ajv, ErrorObject } from 'ajv';
import type { RE2JS } from 're2js';
import { InvalidRequestError } from '@answergate/common';
import type { ResponseFormat } from '@answergate/llm';
import { formatEngines } from './format-engines';

export type FormatCheck = { ok: true; content: string } | { ok: false; errors: string[] };

/** Checks one answer against the requested format; `content` is the answer as it goes out. */
export type FormatChecker = (answer: string) => FormatCheck;

/** The validator for the draft the schema names in `$schema` (draft-07 when it names none). */
function validatorFor(schema: Record<string, unknown>): Ajv {
  const { draft7, draft2019, draft2020 } = formatEngines();
  const draft = typeof schema.$schema === 'string' ? schema.$schema : '';
  if (draft.includes('2020-12')) return draft2020;
  return draft.includes('2019-09') ? draft2019 : draft7;
}

/** A model's ```json fence around the whole answer is not part of the JSON. */
function unfenced(answer: string): string {
  const trimmed = answer.trim();
  return /^```[\w-]*\n([\s\S]*?)\n?```$/.exec(trimmed)?.[1].trim() ?? trimmed;
}

function parseJson(answer: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(answer) as unknown };
  } catch (error) {
    return { error: `the answer is not JSON (${(error as Error).message})` };
  }
}

const describe = (error: ErrorObject) =>
  `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`;

/**
 * Compiles `response_format` once per request: the JSON Schema with ajv, the regex with
 * RE2 (linear time, so no pattern can make the check backtrack for ever). A schema or
 * pattern that does not compile is the caller's error: 400 naming the field.
 */
export function compileFormat(format: ResponseFormat): FormatChecker {
  switch (format.type) {
    case 'json_object':
      return (answer) => {
        const content = unfenced(answer);
        const parsed = parseJson(content);
        if ('error' in parsed) return { ok: false, errors: [parsed.error] };
        const isObject = typeof parsed.value === 'object' && parsed.value !== null;
        return isObject && !Array.isArray(parsed.value)
          ? { ok: true, content }
          : { ok: false, errors: ['the answer is JSON but not an object'] };
      };
    case 'json_schema': {
      let validate: ReturnType<Ajv['compile']>;
      try {
        validate = validatorFor(format.jsonSchema.schema).compile(format.jsonSchema.schema);
      } catch (error) {
        throw new InvalidRequestError(
          `response_format.json_schema.schema is not a valid JSON Schema: ${(error as Error).message}`,
          'response_format.json_schema.schema',
        );
      }
      return (answer) => {
        const content = unfenced(answer);
        const parsed = parseJson(content);
        if ('error' in parsed) return { ok: false, errors: [parsed.error] };
        if (validate(parsed.value)) return { ok: true, content };
        return { ok: false, errors: (validate.errors ?? []).map(describe) };
      };
    }
    case 'regex': {
      let pattern: RE2JS;
      try {
        pattern = formatEngines().re2.compile(format.regex);
      } catch (error) {
        throw new InvalidRequestError(
          `response_format.regex.regex is not a valid RE2 regular expression: ${(error as Error).message}`,
          'response_format.regex.regex',
        );
      }
      return (answer) => {
        const content = answer.trim();
        return pattern.matches(content)
          ? { ok: true, content }
          : {
              ok: false,
              errors: [`the answer does not match the regular expression ${format.regex}`],
            };
      };
    }
  }
}
