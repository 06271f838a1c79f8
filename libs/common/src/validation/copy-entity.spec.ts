import { describe, expect, it } from '@jest/globals';
import { copyEntity } from './copy-entity';

class LocationDto {
  country?: string;
}
class RequestDto {
  max_results = 10;
  query?: string[];
  location?: LocationDto;
}
class DefaultsDto {
  added = 'by the constructor';
}

describe('copyEntity', () => {
  it('copies a DTO tree: same classes, fields, order and values, nothing shared', () => {
    const original = Object.assign(new RequestDto(), {
      query: ['a', 'b'],
      location: Object.assign(new LocationDto(), { country: 'US' }),
      extra: { nested: [1, null, true] },
    });
    const copy = copyEntity(original)!;
    expect(copy).toEqual(original);
    expect(copy).toBeInstanceOf(RequestDto);
    expect(copy.location).toBeInstanceOf(LocationDto);
    expect(Object.keys(copy)).toEqual(Object.keys(original));
    expect(copy.query).not.toBe(original.query);
    expect(copy.location).not.toBe(original.location);
  });

  it('gives up on what a copy by fields would not reproduce', () => {
    const hidden = Object.defineProperty({ a: 1 }, 'secret', { value: 2, enumerable: false });
    const tagged = { a: 1, [Symbol('tag')]: 2 };
    const extraOnArray = Object.assign(['a'], { note: 'x' });
    const lacksDefault = Object.create(DefaultsDto.prototype) as DefaultsDto;
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [1, , 3];
    for (const value of [
      hidden,
      tagged,
      { list: extraOnArray },
      { when: new Date(0) },
      { bytes: Buffer.from('a') },
      sparse,
      Object.create(null) as object,
      { run: () => 1 },
      lacksDefault,
    ]) {
      expect(copyEntity(value)).toBeUndefined();
    }
  });
});
