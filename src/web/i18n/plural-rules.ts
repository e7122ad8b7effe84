import { pluralCategory } from '../../shared/i18n/format.ts';

/**
 * i18next picks plural forms with `Intl.PluralRules`. Chromium has no Uzbek
 * data: `new Intl.PluralRules('uz-Latn')` quietly answers with the browser's
 * default locale, which could be Russian (one/few/many) on a Russian system.
 * This wraps the constructor so Uzbek always gets its CLDR rule (one/other);
 * every other language keeps the engine's own rules.
 */
export function withUzbekPlurals(Base: typeof Intl.PluralRules): typeof Intl.PluralRules {
  class PluralRulesWithUzbek extends Base {
    readonly #uzbek: boolean;
    readonly #ordinal: boolean;

    constructor(locales?: Intl.LocalesArgument, options?: Intl.PluralRulesOptions) {
      super(locales, options);
      const first = Array.isArray(locales) ? locales[0] : locales;
      const tag = typeof first === 'string' ? first : first instanceof Intl.Locale ? first.toString() : '';
      this.#uzbek = /^uz(?:-|$)/i.test(tag);
      this.#ordinal = options?.type === 'ordinal';
    }

    override select(n: number): Intl.LDMLPluralRule {
      // Uzbek ordinals have a single form; cardinals follow CLDR: one for exactly 1.
      if (this.#uzbek) return this.#ordinal ? 'other' : pluralCategory('uz-Latn', n);
      return super.select(n);
    }

    override resolvedOptions(): Intl.ResolvedPluralRulesOptions {
      const base = super.resolvedOptions();
      if (!this.#uzbek) return base;
      return { ...base, locale: 'uz', pluralCategories: this.#ordinal ? ['other'] : ['one', 'other'] };
    }
  }
  return PluralRulesWithUzbek as unknown as typeof Intl.PluralRules;
}

/** True when the engine really has Uzbek plural data (Node, Firefox), so nothing needs wrapping. */
export function engineKnowsUzbek(Base: typeof Intl.PluralRules): boolean {
  try {
    return new Base('uz').resolvedOptions().locale.startsWith('uz');
  } catch {
    return false;
  }
}

/** Installs the wrapper once, in the browser, only where it is needed. */
export function ensureUzbekPluralRules(): void {
  if (engineKnowsUzbek(Intl.PluralRules)) return;
  (Intl as unknown as { PluralRules: typeof Intl.PluralRules }).PluralRules = withUzbekPlurals(Intl.PluralRules);
}
