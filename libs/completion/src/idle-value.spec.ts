import { describe, expect, it, jest } from '@jest/globals';
import { IdleValue } from './idle-value';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('IdleValue', () => {
  it('computes in the next turn of the event loop after soon(), not before, and once', async () => {
    const compute = jest.fn(() => 42);
    const value = new IdleValue(compute);
    value.soon();
    value.soon();
    expect(compute).not.toHaveBeenCalled();
    await nextTurn();
    expect(compute).toHaveBeenCalledTimes(1);
    expect(value.get()).toBe(42);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('computes when read first, and not again in the turn soon() scheduled', async () => {
    const compute = jest.fn(() => 'x');
    const value = new IdleValue(compute);
    value.soon();
    expect(value.get()).toBe('x');
    await nextTurn();
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('computes nothing once cancelled', async () => {
    const compute = jest.fn(() => 1);
    const value = new IdleValue(compute);
    value.soon();
    value.cancel();
    await nextTurn();
    expect(compute).not.toHaveBeenCalled();
  });
});
