import { ValidationPipe } from '@nestjs/common';
import { InvalidRequestError } from '../errors/invalid-request.error';
import { firstValidationProblem } from './first-validation-problem';

/**
 * The global pipe: DTOs are transformed and validated, and the first problem answers 400
 * naming its field. A field no DTO declares is refused as OpenAI does (400
 * `unknown_parameter`), never silently dropped; known fields a route does not honour are
 * refused before this, as `unsupported_parameter`.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
