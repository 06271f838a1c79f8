import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
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

let ruleRuns = 0;

/** A rule that counts how often it runs (a query of up to 10 characters). */
class CountedDto {
  @IsOptional()
  @IsString({ each: true })
  tags?: string[];

  @ValidateBy({
    name: 'shortQuery',
    validator: {
      validate: (value: unknown) => {
        ruleRuns += 1;
        return typeof value === 'string' && value.length <= 10;
      },
      defaultMessage: () => 'query must be at most 10 characters',
    },
  })
  query!: string;
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

describe('createValidationPipe, bodies seen before', () => {
  const counted = (value: unknown) =>
    pipe.transform(value, { type: 'body', metatype: CountedDto }) as Promise<CountedDto>;

  it('runs the rules once for bodies identical to one that passed, each a new DTO', async () => {
    ruleRuns = 0;
    const first = await counted({ query: 'cache', tags: ['a'] });
    const firstFields = Object.keys(first);
    first.tags!.push('changed by a handler');
    const second = await counted({ query: 'cache', tags: ['a'] });
    const third = await counted({ query: 'cache', tags: ['a'] });
    expect(ruleRuns).toBe(1);
    expect(second).toBeInstanceOf(CountedDto);
    expect(second).toEqual({ query: 'cache', tags: ['a'] });
    expect(Object.keys(second)).toEqual(firstFields);
    expect(third).not.toBe(second);
    expect(third.tags).not.toBe(second.tags);
  });

  it('validates a body again when its fields come in another order', async () => {
    ruleRuns = 0;
    await counted({ query: 'order', tags: ['a'] });
    await counted({ tags: ['a'], query: 'order' });
    expect(ruleRuns).toBe(2);
  });

  it('strips a __proto__ key from a body every time, as Nest does', async () => {
    for (let round = 0; round < 2; round += 1) {
      const body = JSON.parse('{"query":"proto","__proto__":{"polluted":true}}') as object;
      const dto = await counted(body);
      expect(Object.keys(body)).toEqual(['query']);
      expect(dto).toEqual({ query: 'proto' });
    }
  });

  it('validates every other body, and a failing body every time, with the same 400', async () => {
    ruleRuns = 0;
    await counted({ query: 'cached' });
    const refusals = [];
    for (let round = 0; round < 2; round += 1) {
      refusals.push(await counted({ query: 'much too long' }).catch((e: unknown) => e));
    }
    expect(ruleRuns).toBe(3);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({
        status: 400,
        param: 'query',
        message: 'query must be at most 10 characters',
      });
    }
  });

  it('refuses an unknown field next to a body that passed', async () => {
    await counted({ query: 'ok' });
    await expect(counted({ query: 'ok', colour: 'blue' })).rejects.toMatchObject({
      code: 'unknown_parameter',
      param: 'colour',
    });
  });
});
