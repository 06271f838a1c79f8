import {
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { parseUsDate } from '@answergate/common';

/** A `MM/DD/YYYY` upper bound that is not earlier than its lower bound (`other`); only checked when both parse. */
export function IsNotBefore(other: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotBefore',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [other],
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const start = (args.object as Record<string, unknown>)[other];
          const end = typeof value === 'string' ? parseUsDate(value) : undefined;
          const begin = typeof start === 'string' ? parseUsDate(start) : undefined;
          return !end || !begin || end >= begin;
        },
        defaultMessage: ({ property }: ValidationArguments) =>
          `${property} must not be earlier than ${other}`,
      },
    });
}
