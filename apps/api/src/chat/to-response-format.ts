import { compileFormat, type FormatChecker } from '@answergate/completion';
import type { ResponseFormat } from '@answergate/llm';
import type { ResponseFormatDto } from './dto/response-format.dto';

/** The validated `response_format`, compiled; `text` (or none) means no structured output. */
export function toResponseFormat(
  dto: ResponseFormatDto | undefined,
): { format: ResponseFormat; check: FormatChecker } | undefined {
  if (!dto || dto.type === 'text') return undefined;
  const format: ResponseFormat =
    dto.type === 'json_object'
      ? { type: 'json_object' }
      : dto.type === 'regex'
        ? { type: 'regex', regex: dto.regex!.regex }
        : {
            type: 'json_schema',
            jsonSchema: {
              name: dto.json_schema!.name ?? 'answer',
              schema: dto.json_schema!.schema,
              ...(dto.json_schema!.strict !== undefined ? { strict: dto.json_schema!.strict } : {}),
              ...(dto.json_schema!.description
                ? { description: dto.json_schema!.description }
                : {}),
            },
          };
  return { format, check: compileFormat(format) };
}
