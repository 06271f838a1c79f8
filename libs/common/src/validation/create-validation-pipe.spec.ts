import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, ValidateNested } from 'class-validator';
import { describe, expect, it } from '@jest/globals';
import { AppError } from '../errors/app-error';
import { createValidationPipe } from './create-validation-pipe';

class MessageDto {
  @IsIn(['user', 'assistant'])
  role!: string;
}

class BodyDto {
  @IsString()
  model!: string;

  @IsInt()
  @Max(20)
  max_results = 10;

  @ValidateNested({ each: true })
  @Type(() => MessageDto)
  messages!: MessageDto[];
}

const pipe = createValidationPipe();
const validate = (value: unknown) =>
  pipe.transform(value, { type: 'body', metatype: BodyDto }) as Promise<BodyDto>;

describe('createValidationPipe', () => {
  it('refuses an unknown field as unknown_parameter, naming it, nested ones too', async () => {
    await expect(
      validate({ model: 'sonar', messages: [{ role: 'user' }], colour: 'blue' }),
    ).rejects.toMatchObject({ status: 400, code: 'unknown_parameter', param: 'colour' });
    await expect(
      validate({ model: 'sonar', messages: [{ role: 'user', mood: 1 }] }),
    ).rejects.toMatchObject({ code: 'unknown_parameter', param: 'messages[0].mood' });
  });

  it('names a top-level field', async () => {
    await expect(validate({ model: 'sonar', messages: [], max_results: 50 })).rejects.toMatchObject(
      {
        status: 400,
        param: 'max_results',
      },
    );
  });

  it('names a nested field with its index', async () => {
    const error = (await validate({
      model: 'x',
      messages: [{ role: 'user' }, { role: 'robot' }],
    }).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.param).toBe('messages[1].role');
    expect(error.message).toMatch(/role/);
  });
});
