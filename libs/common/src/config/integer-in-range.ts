import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/**
 * A whole number from `min` to `max`, read from a string. Every failing rule says the
 * same thing, so `PORT=abc` gets one clear line instead of three constraints.
 */
export function IntegerInRange(min: number, max: number): PropertyDecorator {
  const message = `must be an integer from ${min} to ${max}`;
  return applyDecorators(
    Type(() => Number),
    IsInt({ message }),
    Min(min, { message }),
    Max(max, { message }),
  );
}
