import { registerDecorator, type ValidationOptions } from 'class-validator';

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Parses Perplexity's `MM/DD/YYYY` date filters to UTC midnight; undefined when not a real date. */
export function parseUsDate(value: string): Date | undefined {
  const match = US_DATE.exec(value.trim());
  if (!match) return undefined;
  const [month, day, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date : undefined;
}

/** Validates a `MM/DD/YYYY` string that names a real calendar day. */
export function IsUsDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isUsDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a date as MM/DD/YYYY`, ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseUsDate(value) !== undefined,
      },
    });
}
