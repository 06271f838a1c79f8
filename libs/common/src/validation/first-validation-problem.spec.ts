import 'reflect-metadata';
import { IsDefined, IsString, MaxLength, validateSync } from 'class-validator';
import { describe, expect, it } from '@jest/globals';
import { firstValidationProblem } from './first-validation-problem';

class BodyDto {
  @IsDefined({ message: 'you must provide a model parameter' })
  @IsString()
  @MaxLength(128)
  model!: string;
}

const problemOf = (value: object) =>
  firstValidationProblem(validateSync(Object.assign(new BodyDto(), value)));

describe('firstValidationProblem', () => {
  it('reports a missing field as missing, not by its other rules', () => {
    expect(problemOf({})).toEqual({
      param: 'model',
      message: 'you must provide a model parameter',
      constraint: 'isDefined',
    });
  });

  it('reports a present but wrong field by the rule it breaks', () => {
    expect(problemOf({ model: 'x'.repeat(200) })).toEqual({
      param: 'model',
      message: 'model must be shorter than or equal to 128 characters',
      constraint: 'maxLength',
    });
  });
});
