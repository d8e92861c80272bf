// talkatlas/languages: the languages other than English, each a pack to hand to
// `registerLanguages` from 'talkatlas'. This file only re-exports.
export { allLanguages, dutch, french, german, italian, portuguese, spanish } from './text/languagePacks.js'
export type { LanguagePack } from './text/languageRegistry.js'
