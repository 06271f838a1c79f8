import { describe, expect, it } from '@jest/globals';
import { isPlainJson } from './plain-json';

describe('isPlainJson', () => {
  it.each([
    'application/json',
    'Application/JSON',
    'application/json; charset=utf-8',
    'application/json;charset=UTF-8',
  ])('takes %j', (type) => {
    expect(isPlainJson(type)).toBe(true);
  });

  it.each([
    undefined,
    '',
    'application/json; charset=latin1',
    'application/json; boundary=x',
    'application/jsonx',
    ' application/json',
    'application/json ',
    'text/json',
    'application/vnd.api+json',
  ])('leaves %j to the full media-type parsing', (type) => {
    expect(isPlainJson(type)).toBe(false);
  });
});
