/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, not at startup */
import type Ajv from 'ajv';
import type { RE2JS } from 're2js';

/** `strict: false`: a schema keyword ajv does not know is ignored, as OpenAI and vLLM do. */
const OPTIONS = { strict: false, allErrors: true };

interface Engines {
  draft7: Ajv;
  draft2019: Ajv;
  draft2020: Ajv;
  re2: typeof RE2JS;
}

let engines: Engines | undefined;

/**
 * ajv (one validator per JSON Schema draft) and RE2, required the first time a
 * `response_format` needs them: together ~1.5 MB of heap and their compiled code, which a
 * process that never sees a `response_format` does not hold.
 */
export function formatEngines(): Engines {
  if (!engines) {
    const { default: Ajv7 } = require('ajv') as typeof import('ajv');
    const { default: Ajv2019 } = require('ajv/dist/2019') as typeof import('ajv/dist/2019');
    const { default: Ajv2020 } = require('ajv/dist/2020') as typeof import('ajv/dist/2020');
    const { RE2JS: re2 } = require('re2js') as typeof import('re2js');
    engines = {
      draft7: new Ajv7(OPTIONS),
      draft2019: new Ajv2019(OPTIONS),
      draft2020: new Ajv2020(OPTIONS),
      re2,
    };
  }
  return engines;
}
