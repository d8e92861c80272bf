// talkatlas public API. This file only re-exports; every export is documented in README.md.
// Blocks follow the README: read talks, build an atlas, related and search, tag, sessions,
// report, save and load. The pinned list is test/public-api.json; the metrics and the
// synthetic corpus are in talkatlas/eval, the HTML report in talkatlas/report.

// --- errors and shared types ---
export { TalkatlasError, InputError, OptionError } from './errors.js'
export type { ErrorCode, InputPlace } from './errors.js'
export type { Talk, CsrMatrix, Warning } from './types.js'
export type { ProgressEvent, ProgressCallback } from './progress.js'

// --- read talks ---
export { parseTalks } from './io/parseTalks.js'
export type { ParseTalksOptions, ParseTalksResult, ReadTally } from './io/parseTalks.js'
export { detectFormat, talkFormats } from './io/detectFormat.js'
export type { TalkFormat, DetectFormatOptions } from './io/detectFormat.js'
export { decodeBytes } from './io/decodeBytes.js'
export type { DecodeBytesOptions, DecodeBytesResult } from './io/decodeBytes.js'
export { cleanText } from './io/cleanText.js'
export type { CleanTextOptions } from './io/cleanText.js'
export { makeId } from './io/makeId.js'
export { formatCsv } from './io/formatCsv.js'
export type { FormatCsvOptions } from './io/formatCsv.js'

// --- words and vectors ---
export { tokenize } from './text/tokenize.js'
export { DEFAULT_STOPWORDS } from './text/stopwords.js'
export { stem } from './text/stem.js'
export { detectLanguage, LANGUAGES, type Language } from './text/language.js'
export { fitTfidf, transformTfidf, vectorizeText } from './vectorize/tfidf.js'
export type { TfidfOptions, ResolvedTfidfOptions, TfidfModel, TfidfResult } from './vectorize/tfidf.js'
export type { LsaModel } from './cluster/lsa.js'

// --- build an atlas, save and load it ---
export { buildAtlas } from './atlas/buildAtlas.js'
export { UNCLASSIFIED_THEME_ID } from './atlas/unclassified.js'
export { assignThemes } from './atlas/assignThemes.js'
export type { ThemeAssignment } from './atlas/assignThemes.js'
export { serializeAtlas, loadAtlas, ATLAS_VERSION } from './atlas/serializeAtlas.js'
export type { AtlasJson } from './atlas/serializeAtlas.js'
export type { Atlas, AtlasEnsemble, AtlasOptions, ResolvedAtlasOptions, Theme, ThemeMember } from './atlas/types.js'

// --- related talks and search ---
export { relatedTalks } from './similarity/relatedTalks.js'
export type { RelatedOptions, RelatedTalk } from './similarity/relatedTalks.js'
export { searchTalks, findTalks } from './similarity/searchTalks.js'
export type { SearchResult } from './similarity/searchTalks.js'

// --- tag ---
export { tagTalks } from './tag/tagTalks.js'
export type { TagOptions, TagResult, TalkTags, TalkTag } from './tag/tagTalks.js'
export { resolveThemes } from './tag/resolveThemes.js'
export type { TagTheme, ResolvedTagTheme, ResolveThemesOptions } from './tag/resolveThemes.js'
export { BUILTIN_TAXONOMY } from './tag/taxonomy.js'
export type { Taxonomy, TaxonomyTheme } from './tag/taxonomy.js'
export { taxonomyFit } from './tag/taxonomyFit.js'
export type { TaxonomyFit } from './tag/taxonomyFit.js'
export type { EvidenceOptions } from './tag/themeEvidence.js'
export { nameThemes, namingTaxonomy } from './tag/nameThemes.js'
export type { NameThemesOptions, ThemeName, NamingTaxonomy } from './tag/nameThemes.js'

// --- sessions ---
export { groupSessions } from './sessions/groupSessions.js'
export type { SessionOptions, Session, SessionRemainder, SessionObjective, SessionsResult, SessionConstraints } from './sessions/groupSessions.js'

// --- report (the HTML report and its map are in talkatlas/report) ---
export { renderMarkdownReport } from './report/renderMarkdownReport.js'
export type { ReportOptions, ReportTag, ReportTags, ReportSession, ReportSessions } from './report/types.js'

// --- languages other than English (packs in talkatlas/languages) ---
export { registerLanguages } from './text/languageRegistry.js'
export type { LanguagePack } from './text/languageRegistry.js'

// --- bring your own embeddings ---
export { parseEmbeddings } from './io/parseEmbeddings.js'
export type { EmbeddingsFormat, ParseEmbeddingsOptions, ParsedEmbeddings } from './io/parseEmbeddings.js'
export type { NpyMatrix } from './io/parseNpy.js'
export type { EmbeddingsInput, UserEmbedding } from './atlas/userEmbedding.js'
export type { SearchOptions } from './similarity/searchTalks.js'
export type { AssignOptions } from './atlas/assignThemes.js'

// --- theme groups (tracks over themes) ---
export { cutThemes } from './atlas/themeGroups.js'
export type { ThemeGroup } from './atlas/themeGroups.js'
export type { ThemeTree } from './atlas/themeTree.js'
export type { SessionTrack } from './sessions/groupSessions.js'

// --- what changed between two editions ---
export { compare } from './compare/compare.js'
export type { CompareOptions, CompareResult, ThemeChange, ThemeChangeKind, EditionSide } from './compare/types.js'
