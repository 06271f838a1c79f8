import { registerDecorator, type ValidationOptions } from 'class-validator';

const MAX_STOP_SEQUENCES = 4;

/** `stop`: one string, or up to four strings, as OpenAI accepts. */
export function IsStop(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isStop',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'stop must be a string or an array of up to 4 strings', ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' ||
          (Array.isArray(value) &&
            value.length <= MAX_STOP_SEQUENCES &&
            value.every((item) => typeof item === 'string')),
      },
    });
}
