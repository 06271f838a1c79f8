import 'reflect-metadata';
import {
  getMetadataStorage,
  IsInt,
  IsOptional,
  IsString,
  MetadataStorage,
  validate,
} from 'class-validator';
import { describe, expect, it } from '@jest/globals';
import { rememberValidationRules } from './remembered-validation-rules';

class Person {
  @IsString()
  name!: string;
}

class Member extends Person {
  @IsInt()
  age!: number;

  @IsString({ groups: ['admin'] })
  nick!: string;
}

const storage = getMetadataStorage();
/** class-validator's own lookup, untouched by the memo: the oracle. */
const original = (
  target: new () => object,
  always: boolean,
  strictGroups: boolean,
  groups?: string[],
) =>
  MetadataStorage.prototype.getTargetValidationMetadatas.call(
    storage,
    target,
    '',
    always,
    strictGroups,
    groups,
  );
const properties = (rules: readonly { propertyName: string }[]) =>
  rules.map((rule) => rule.propertyName).sort();

describe('rememberValidationRules', () => {
  rememberValidationRules(storage);

  it.each([
    ['no groups', false, false, undefined],
    ['strict groups', false, true, undefined],
    ['the admin group', false, false, ['admin']],
    ['always', true, false, undefined],
  ])(
    'answers each lookup as class-validator does, inherited rules included (%s)',
    (_, always, strict, groups) => {
      const remembered = storage.getTargetValidationMetadatas(Member, '', always, strict, groups);
      expect(remembered).toEqual(original(Member, always, strict, groups));
    },
  );

  it('hands out the same frozen list for a repeated lookup, and its grouping once', () => {
    const first = storage.getTargetValidationMetadatas(Member, '', false, false);
    const second = storage.getTargetValidationMetadatas(Member, '', false, false);
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(storage.groupByPropertyName(second)).toBe(storage.groupByPropertyName(first));
    expect(Object.keys(storage.groupByPropertyName(first)).sort()).toEqual(['age', 'name', 'nick']);
  });

  it('tells lookups with different groups and group strictness apart', () => {
    const plain = storage.getTargetValidationMetadatas(Member, '', false, false);
    const strict = storage.getTargetValidationMetadatas(Member, '', false, true);
    const admin = storage.getTargetValidationMetadatas(Member, '', false, false, ['admin']);
    expect(properties(plain)).toEqual(['age', 'name', 'nick']);
    expect(properties(strict)).toEqual(['age', 'name']);
    expect(properties(admin)).toEqual(['nick']);
  });

  it('forgets what it remembered when a decorator adds a rule', async () => {
    class Late {
      @IsString()
      title!: string;
    }
    expect(properties(storage.getTargetValidationMetadatas(Late, '', false, false))).toEqual([
      'title',
    ]);
    IsOptional()(Late.prototype, 'subtitle');
    IsString()(Late.prototype, 'subtitle');
    expect(properties(storage.getTargetValidationMetadatas(Late, '', false, false))).toEqual([
      'subtitle',
      'subtitle',
      'title',
    ]);
    const late = Object.assign(new Late(), { title: 't', subtitle: 5 });
    const errors = await validate(late);
    expect(errors.map((error) => error.property)).toEqual(['subtitle']);
  });

  it('installs once: a second call leaves the first memo in place', () => {
    const lookUp = storage.getTargetValidationMetadatas;
    rememberValidationRules(storage);
    expect(storage.getTargetValidationMetadatas).toBe(lookUp);
  });

  it('still finds every problem class-validator finds, through the memo', async () => {
    const member = Object.assign(new Member(), { name: 3, age: 'old', nick: 'n' });
    const errors = await validate(member);
    expect(errors.map((error) => error.property).sort()).toEqual(['age', 'name']);
  });
});
