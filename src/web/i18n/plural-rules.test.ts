import { describe, expect, it } from 'vitest';
import { engineKnowsUzbek, withUzbekPlurals } from './plural-rules.ts';

/** An engine like Chromium's: Uzbek quietly answered with another locale's rules (here Russian). */
class NoUzbekPluralRules extends Intl.PluralRules {
  constructor(locales?: Intl.LocalesArgument, options?: Intl.PluralRulesOptions) {
    const tag = typeof locales === 'string' ? locales : '';
    super(tag.startsWith('uz') ? 'ru' : locales, options);
  }
}

describe('withUzbekPlurals', () => {
  const Fixed = withUzbekPlurals(NoUzbekPluralRules as unknown as typeof Intl.PluralRules);

  it('detects an engine without Uzbek data', () => {
    expect(engineKnowsUzbek(NoUzbekPluralRules as unknown as typeof Intl.PluralRules)).toBe(false);
    expect(engineKnowsUzbek(Intl.PluralRules)).toBe(true);
  });

  it('gives Uzbek its own one/other rule in both scripts', () => {
    for (const tag of ['uz', 'uz-Latn', 'uz-Cyrl']) {
      const rules = new Fixed(tag);
      expect(rules.select(1)).toBe('one');
      expect(rules.select(2)).toBe('other');
      expect(rules.select(5)).toBe('other');
      expect(rules.select(21)).toBe('other');
      expect(rules.resolvedOptions().pluralCategories).toEqual(['one', 'other']);
    }
  });

  it('leaves other languages to the engine', () => {
    const ru = new Fixed('ru');
    expect(ru.select(2)).toBe('few');
    expect(ru.select(5)).toBe('many');
  });
});
