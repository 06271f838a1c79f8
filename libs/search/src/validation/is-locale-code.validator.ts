import {
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';

const languages = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z]{2})?$/;
const COUNTRY = /^[A-Za-z]{2}$/;

/** ISO 639 language (`en`, `pt-BR`) that ICU knows; searx answers 400 to unknown ones. */
export function isLanguageCode(value: unknown): boolean {
  return typeof value === 'string' && LANGUAGE_TAG.test(value) && !!languages.of(value);
}

/** ISO 3166-1 alpha-2 country (`US`, `de`) that ICU knows. */
export function isCountryCode(value: unknown): boolean {
  if (typeof value !== 'string' || !COUNTRY.test(value)) return false;
  const name = regions.of(value.toUpperCase());
  return !!name && name !== 'Unknown Region';
}

function localeDecorator(
  name: string,
  check: (value: unknown) => boolean,
  expected: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: check,
        defaultMessage: ({ property, value }: ValidationArguments) =>
          `${property} must be ${expected} (got ${JSON.stringify(value)})`,
      },
    });
}

export const IsLanguageCode = (options?: ValidationOptions) =>
  localeDecorator(
    'isLanguageCode',
    isLanguageCode,
    'an ISO 639-1 language code such as "en"',
    options,
  );

export const IsCountryCode = (options?: ValidationOptions) =>
  localeDecorator(
    'isCountryCode',
    isCountryCode,
    'an ISO 3166-1 alpha-2 country code such as "US"',
    options,
  );
