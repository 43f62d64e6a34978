import { describe, expect, it } from 'vitest';
import { count, formatNumber } from './words';
import { tidyShareCode } from './api';

describe('words', () => {
  it('puts a count\'s noun in the right number and writes numbers with grouping', () => {
    expect(count(1, 'jump')).toBe('1 jump');
    expect(count(0, 'jump')).toBe('0 jumps');
    expect(count(2, 'check-in')).toBe('2 check-ins');
    expect(count(1234, 'jump')).toBe('1,234 jumps');
    expect(count(1, 'stop', 'stops')).toBe('1 stop');
    expect(count(3, 'activity', 'activities')).toBe('3 activities');
    expect(formatNumber(2.54, 1)).toBe('2.5');
    expect(formatNumber(3)).toBe('3');
  });

  it('tidies a share code typed in lower case and in groups', () => {
    expect(tidyShareCode(' 76nm 3e82-8nu7 ')).toBe('76NM3E828NU7');
  });
});
