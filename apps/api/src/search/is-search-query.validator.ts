import { registerDecorator, type ValidationArguments } from 'class-validator';
import { MAX_QUERIES } from '@answergate/search';

export const MAX_QUERY_CHARS = 2000;

const isQueryText = (value: unknown) =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_QUERY_CHARS;

/** `query`: one non-empty string, or an array of 1 to 5 of them. */
export function IsSearchQuery(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isSearchQuery',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) =>
          isQueryText(value) ||
          (Array.isArray(value) &&
            value.length >= 1 &&
            value.length <= MAX_QUERIES &&
            value.every(isQueryText)),
        defaultMessage: ({ property, value }: ValidationArguments) =>
          Array.isArray(value) && (value.length === 0 || value.length > MAX_QUERIES)
            ? `${property} accepts 1 to ${MAX_QUERIES} queries (got ${value.length})`
            : `${property} must be a non-empty string of at most ${MAX_QUERY_CHARS} characters, or an array of them`,
      },
    });
}
