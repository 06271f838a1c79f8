import { ValidationPipe } from '@nestjs/common';
import { InvalidRequestError } from '../errors/invalid-request.error';
import { firstValidationProblem } from './first-validation-problem';

/**
 * The global pipe: DTOs are transformed and validated; unknown fields are dropped
 * silently (OpenAI clients send many), and the first problem answers 400 naming its field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: false,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const problem = firstValidationProblem(errors);
      return problem
        ? new InvalidRequestError(problem.message, problem.param)
        : new InvalidRequestError('The request body is invalid.');
    },
  });
}
