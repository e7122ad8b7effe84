export {
  APOSTROPHE_VARIANTS,
  OKINA,
  TUTUQ,
  detectScript,
  isApostrophe,
  normalizeApostrophes,
  otherScriptSuggestion,
  uzCyrlToLatn,
  uzLatnToCyrl,
} from './transliterate.ts';
export type { Script, ScriptSuggestion } from './transliterate.ts';
export {
  NAME_MATCH_THRESHOLD,
  foldName,
  matchesSearch,
  nameMatchKeys,
  nameSimilarity,
  nameTokens,
  searchFold,
} from './name-key.ts';
export type { NameTokens } from './name-key.ts';
