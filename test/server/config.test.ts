import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config';

describe('server configuration', () => {
  it('suppresses dashboard cells below 5 classrooms unless told otherwise', () => {
    expect(readConfig({}).suppressBelow).toBe(5);
    expect(readConfig({ SUPPRESS_BELOW: '' }).suppressBelow).toBe(5);
  });

  it('takes a higher suppression threshold from SUPPRESS_BELOW, and 3 at the least', () => {
    expect(readConfig({ SUPPRESS_BELOW: '10' }).suppressBelow).toBe(10);
    expect(readConfig({ SUPPRESS_BELOW: '3' }).suppressBelow).toBe(3);
  });

  it('refuses a suppression threshold below 3, or one that is not a whole number, at start-up', () => {
    expect(() => readConfig({ SUPPRESS_BELOW: '2' })).toThrow(/at least 3/);
    expect(() => readConfig({ SUPPRESS_BELOW: '0' })).toThrow(/at least 3/);
    expect(() => readConfig({ SUPPRESS_BELOW: 'five' })).toThrow(/SUPPRESS_BELOW/);
    expect(() => readConfig({ SUPPRESS_BELOW: '4.5' })).toThrow(/SUPPRESS_BELOW/);
  });
});
