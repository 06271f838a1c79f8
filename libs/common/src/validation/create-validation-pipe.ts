import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { InvalidRequestError } from '../errors/invalid-request.error';
import { copyEntity } from './copy-entity';
import { classTag, entityKey } from './entity-key';
import { firstValidationProblem } from './first-validation-problem';
import { rememberValidationRules } from './remembered-validation-rules';

const isPlainObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * Nest's pipe, remembering the DTOs of bodies that passed. Every transform and rule here is a
 * pure function of the body (no clock, no settings), so a body identical to one that passed
 * (same fields, order and values, see `entityKey`) gets a copy of the DTO made from that one
 * (see `copyEntity`) instead of transforming and validating it again. A body that fails is
 * transformed and validated every time, so its 400 always comes from the validator.
 */
class RememberingValidationPipe extends ValidationPipe {
  /** The DTOs of the last bodies that passed, by body key. Only passing bodies are kept. */
  private readonly passed = new LRUCache<string, object>({ max: 512 });

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype, type, data } = metadata;
    const bodyKey =
      type === 'body' && data === undefined && metatype && isPlainObject(value)
        ? entityKey(value)
        : undefined;
    const key = bodyKey === undefined ? undefined : `${classTag(metatype!)}:${bodyKey}`;
    const remembered = key === undefined ? undefined : this.passed.get(key);
    if (remembered) return copyEntity(remembered);
    const dto: unknown = await super.transform(value, metadata);
    if (key !== undefined && typeof dto === 'object' && dto !== null) {
      const kept = copyEntity(dto);
      const keptKey = kept && entityKey(kept);
      // Kept only when a copy is exact, field order included.
      if (kept && keptKey !== undefined && keptKey === entityKey(dto)) this.passed.set(key, kept);
    }
    return dto;
  }
}

/**
 * The global pipe: DTOs are transformed and validated, and the first problem answers 400
 * naming its field. A field no DTO declares is refused as OpenAI does (400
 * `unknown_parameter`), never silently dropped; known fields a route does not honour are
 * refused before this, as `unsupported_parameter`.
 */
export function createValidationPipe(): ValidationPipe {
  rememberValidationRules();
  return new RememberingValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const problem = firstValidationProblem(errors);
      if (!problem) return new InvalidRequestError('The request body is invalid.');
      if (problem.constraint === 'whitelistValidation') {
        return new InvalidRequestError(
          `Unrecognized request argument supplied: ${problem.param}`,
          problem.param,
          'unknown_parameter',
        );
      }
      return new InvalidRequestError(problem.message, problem.param);
    },
  });
}
