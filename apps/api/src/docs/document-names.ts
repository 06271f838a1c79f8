import type { OpenAPIObject } from '@nestjs/swagger';

const REF_PREFIX = '#/components/schemas/';

/**
 * Renames schemas `ChatCompletionDto` to `ChatCompletion` (and every `$ref` to them), so
 * clients generated from `/docs-json` get the protocol's type names. A name that would
 * collide with another schema keeps its suffix.
 */
export function withoutDtoSuffix(document: OpenAPIObject): OpenAPIObject {
  const schemas = document.components?.schemas ?? {};
  const renamed = new Map<string, string>();
  for (const name of Object.keys(schemas)) {
    const bare = name.replace(/Dto$/, '');
    if (bare !== name && bare !== '' && !(bare in schemas)) renamed.set(name, bare);
  }
  if (renamed.size === 0) return document;
  const json = JSON.stringify(document, (key, value: unknown) => {
    if (key === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX)) {
      const name = value.slice(REF_PREFIX.length);
      return REF_PREFIX + (renamed.get(name) ?? name);
    }
    if (value === schemas) {
      return Object.fromEntries(
        Object.entries(schemas).map(([name, schema]) => [renamed.get(name) ?? name, schema]),
      );
    }
    return value;
  });
  return JSON.parse(json) as OpenAPIObject;
}

/**
 * Routes served in both layouts (`/v1/search` and `/search`) share one handler, so one
 * operation id: the root-layout copy becomes `searchAtRoot`, keeping ids unique as
 * OpenAPI requires and the `/v1` ones as the protocols name them.
 */
export function uniqueOperationIds(document: OpenAPIObject): OpenAPIObject {
  const seen = new Set<string>();
  const paths = Object.keys(document.paths).sort(
    (a, b) => Number(b.startsWith('/v1/')) - Number(a.startsWith('/v1/')),
  );
  for (const path of paths) {
    for (const operation of Object.values(document.paths[path])) {
      const op = operation as { operationId?: string };
      if (typeof op !== 'object' || !op?.operationId) continue;
      if (seen.has(op.operationId)) op.operationId = `${op.operationId}AtRoot`;
      seen.add(op.operationId);
    }
  }
  return document;
}
