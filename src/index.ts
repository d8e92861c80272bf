// talkatlas public API. This file only re-exports; every export is documented in README.md.
// Blocks are grouped by pipeline stage.

// --- errors and shared types ---
export { TalkatlasError, InputError, OptionError } from './errors.js'
export type { ErrorCode, InputPlace } from './errors.js'
export type { Talk, CsrMatrix, Warning } from './types.js'
export type { ProgressEvent, ProgressCallback } from './progress.js'

// --- io: input formats ---
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

// --- text ---
export { tokenize, scanTokens, MAX_TOKEN_LENGTH } from './text/tokenize.js'
export { DEFAULT_STOPWORDS, buildStopwords } from './text/stopwords.js'
export { stem } from './text/stem.js'
export { detectLanguage, LANGUAGES, type Language } from './text/language.js'

// --- vectorize ---
export { fitTfidf, transformTfidf, vectorizeText, resolveTfidfOptions, defaultTfidfOptions, readTalkTerms, fitTfidfFromStreams, mergeTermStreams } from './vectorize/tfidf.js'
export type { TfidfOptions, ResolvedTfidfOptions, TfidfModel, TfidfResult, CountableText, TermStreams } from './vectorize/tfidf.js'
export { CsrBuilder, normalizeRows, transposeCsr, columnCounts, rowDot } from './vectorize/csr.js'

// --- cluster ---
export { fitLsa, projectLsa } from './cluster/lsa.js'
export type { LsaOptions, LsaModel } from './cluster/lsa.js'
export { kmeans, kmeansBatch, kmeansBatchGram } from './cluster/kmeans.js'
export { runKmeansInOrder } from './cluster/kmeansBatch.js'
export type { KmeansBatchRunner } from './cluster/kmeansBatch.js'
export type { KmeansOptions, KmeansResult } from './cluster/kmeans.js'
export { candidateKs, chooseK, meanSilhouette, cosineDistances, parsimoniousK, MIN_THEME_SIZE, MAX_THEME_SIZE, MAX_AUTO_K } from './cluster/chooseK.js'
export { averageLinkage, consensusClusters, CONSENSUS_LIMIT } from './cluster/consensusClusters.js'
export type { ConsensusOptions, ConsensusResult } from './cluster/consensusClusters.js'
export type { ChooseKOptions, ChooseKResult } from './cluster/chooseK.js'
export { smoothNeighbours } from './cluster/smoothNeighbours.js'
export type { SmoothOptions } from './cluster/smoothNeighbours.js'
export { labelThemes, composeLabel } from './cluster/labelThemes.js'
export type { LabelOptions, ThemeKeyword, ThemeNames } from './cluster/labelThemes.js'

// --- similarity ---
export { relatedTalks, relatedToRow } from './similarity/relatedTalks.js'
export { searchTalks, findTalks } from './similarity/searchTalks.js'
export type { SearchResult } from './similarity/searchTalks.js'
export type { RelatedOptions, RelatedTalk } from './similarity/relatedTalks.js'

// --- atlas (whole pipeline) ---
export { buildAtlas, buildAtlasWith, resolveAtlasOptions, checkTalks, UNCLASSIFIED_THEME_ID } from './atlas/buildAtlas.js'
export type { TermReader, AtlasRunners } from './atlas/buildAtlas.js'
export { assignThemes } from './atlas/assignThemes.js'
export type { ThemeAssignment } from './atlas/assignThemes.js'
export { serializeAtlas, loadAtlas, ATLAS_FORMAT, ATLAS_VERSION } from './atlas/serializeAtlas.js'
export type { AtlasJson } from './atlas/serializeAtlas.js'
export type { Atlas, AtlasEnsemble, AtlasOptions, ResolvedAtlasOptions, Theme, ThemeMember } from './atlas/types.js'

// --- tag ---
export { tagTalks, resolveTagOptions, defaultTagOptions } from './tag/tagTalks.js'
export type { TagOptions, ResolvedTagOptions, TagResult, TalkTags, TalkTag } from './tag/tagTalks.js'
export { resolveThemes, matchKey } from './tag/resolveThemes.js'
export type { TagTheme, ResolvedTagTheme, ResolveThemesOptions } from './tag/resolveThemes.js'
export { BUILTIN_TAXONOMY } from './tag/taxonomy.js'
export type { Taxonomy, TaxonomyTheme } from './tag/taxonomy.js'
export { taxonomyFit, TAXONOMY_FIT_SHARE } from './tag/taxonomyFit.js'
export type { TaxonomyFit } from './tag/taxonomyFit.js'
export { themeEvidence, NAME_EVIDENCE } from './tag/themeEvidence.js'
export type { EvidenceOptions } from './tag/themeEvidence.js'
export { nameThemes } from './tag/nameThemes.js'
export type { NameThemesOptions, ThemeName } from './tag/nameThemes.js'
export { runTag } from './tag/runTag.js'
export type { RunTagResult, TagJson } from './tag/runTag.js'

// --- sessions ---
export { groupSessions, resolveSessionOptions, defaultSessionOptions, MAX_SESSION_SIZE } from './sessions/groupSessions.js'
export type { SessionOptions, ResolvedSessionOptions, Session, SessionRemainder, SessionObjective, SessionsResult, SessionConstraints } from './sessions/groupSessions.js'

// --- report (the HTML report and its map are in talkatlas/report) ---
export { renderMarkdownReport } from './report/renderMarkdownReport.js'
export { escapeHtml, jsonForScript, escapeMarkdown } from './report/escape.js'
export type { ReportOptions, ReportTag, ReportTags, ReportSession, ReportSessions } from './report/types.js'

// --- eval ---
export { accuracy } from './eval/accuracy.js'
export { adjustedRandIndex } from './eval/adjustedRandIndex.js'
export { contingency } from './eval/contingency.js'
export type { Contingency } from './eval/contingency.js'
export type { Label, LabelCodes, Labels } from './eval/labels.js'
export { normalizedMutualInfo, defaultNormalizedMutualInfoOptions } from './eval/normalizedMutualInfo.js'
export type { EntropyAverage, NormalizedMutualInfoOptions } from './eval/normalizedMutualInfo.js'
export { pairPurity } from './eval/pairPurity.js'
export { precisionAtK } from './eval/precisionAtK.js'
export { vMeasure, defaultVMeasureOptions } from './eval/vMeasure.js'
export type { VMeasure, VMeasureOptions } from './eval/vMeasure.js'
export { generateCorpus, defaultGenerateCorpusOptions } from './eval/synthetic.js'
export type { GenerateCorpusOptions, SyntheticTalk } from './eval/synthetic.js'

// --- k-means options (performance) ---
export { defaultKmeansOptions, resolveKmeansOptions } from './cluster/kmeans.js'
export type { ResolvedKmeansOptions } from './cluster/kmeans.js'
