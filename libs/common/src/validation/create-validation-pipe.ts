import { ValidationPipe } from '@nestjs/common';
import type { ValidationError, ValidatorOptions } from 'class-validator';
import { InvalidRequestError } from '../errors/invalid-request.error';
import { entityKey } from './entity-key';
import { firstValidationProblem } from './first-validation-problem';
import { ValidEntities } from './valid-entities';

/**
 * Nest's pipe, with the verdict on values that passed remembered: every rule here is a pure
 * function of the value (no clock, no settings), so a request body identical to one that
 * passed (the same fields, values and classes after the transform, see `entityKey`) passes
 * again without walking every rule. A body that fails is validated every time, so its 400
 * always comes from the validator. The transform into the DTO still runs on every request.
 */
class RememberingValidationPipe extends ValidationPipe {
  private readonly passed = new ValidEntities();

  protected override async validate(
    object: object,
    validatorOptions?: ValidatorOptions,
  ): Promise<ValidationError[]> {
    const key = entityKey(object);
    if (key !== undefined && this.passed.has(key)) return [];
    const errors = await super.validate(object, validatorOptions);
    if (key !== undefined && errors.length === 0) this.passed.add(key);
    return errors;
  }
}

/**
 * The global pipe: DTOs are transformed and validated, and the first problem answers 400
 * naming its field. A field no DTO declares is refused as OpenAI does (400
 * `unknown_parameter`), never silently dropped; known fields a route does not honour are
 * refused before this, as `unsupported_parameter`.
 */
export function createValidationPipe(): ValidationPipe {
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
