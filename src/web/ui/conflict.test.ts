import { describe, expect, it } from 'vitest';
import { changeKind, reapplyChanges } from './conflict.ts';

describe('changeKind', () => {
  it('tells who changed a field', () => {
    expect(changeKind('a', 'a', 'a')).toBe('same');
    expect(changeKind('a', 'b', 'a')).toBe('mine');
    expect(changeKind('a', 'a', 'c')).toBe('theirs');
    expect(changeKind('a', 'b', 'c')).toBe('both');
  });

  it('treats the same change made by both as theirs (nothing to redo)', () => {
    expect(changeKind('a', 'b', 'b')).toBe('theirs');
  });

  it('treats null and undefined alike', () => {
    expect(changeKind(null, undefined, null)).toBe('same');
  });
});

describe('reapplyChanges', () => {
  it('keeps the current record and puts back only what the user changed', () => {
    const base = { phone: '+998901234567', addressLine: 'Old street 1', notes: null as string | null, version: 3 };
    const mine = { ...base, phone: '+998907654321' };
    const current = { ...base, addressLine: 'New street 5', version: 4 };
    expect(reapplyChanges(base, mine, current, ['phone', 'addressLine', 'notes'])).toEqual({
      phone: '+998907654321',
      addressLine: 'New street 5',
      notes: null,
      version: 4,
    });
  });
});
