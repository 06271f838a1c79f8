import {
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';

export const MAX_DOMAIN_FILTERS = 20;

/** `example.com`, `-example.com`, `docs.example.co.uk`, `intranet`; a scheme or path is tolerated. */
const ENTRY =
  /^-?(?:https?:\/\/)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.?(?:\/\S*)?$/i;

/** `search_domain_filter`: up to 20 domains, each allowed (`a.com`) or denied (`-a.com`). */
export function IsDomainFilter(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDomainFilter',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) &&
          value.length <= MAX_DOMAIN_FILTERS &&
          value.every((entry) => typeof entry === 'string' && ENTRY.test(entry.trim())),
        defaultMessage: ({ property, value }: ValidationArguments) => {
          if (!Array.isArray(value)) return `${property} must be an array of domain names`;
          if (value.length > MAX_DOMAIN_FILTERS) {
            return `${property} accepts at most ${MAX_DOMAIN_FILTERS} domains (got ${value.length})`;
          }
          const bad: unknown = value.find(
            (entry) => typeof entry !== 'string' || !ENTRY.test(entry.trim()),
          );
          return `${property} entries must be domains like "example.com" or "-example.com" (got ${JSON.stringify(bad)})`;
        },
      },
    });
}
