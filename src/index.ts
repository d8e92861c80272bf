// talkatlas public API. This file only re-exports; every export is documented in README.md.
// Blocks are grouped by pipeline stage.

// --- errors and shared types ---
export { TalkatlasError, InputError, OptionError } from './errors.js'
export type { ErrorCode, InputPlace } from './errors.js'
export type { Talk, CsrMatrix, Warning } from './types.js'

// --- io: input formats ---

// --- text ---
export { tokenize, scanTokens, MAX_TOKEN_LENGTH } from './text/tokenize.js'
export { DEFAULT_STOPWORDS, buildStopwords } from './text/stopwords.js'
export { stem } from './text/stem.js'

// --- vectorize ---
export { fitTfidf, transformTfidf, vectorizeText, resolveTfidfOptions, defaultTfidfOptions } from './vectorize/tfidf.js'
export type { TfidfOptions, ResolvedTfidfOptions, TfidfModel, TfidfResult, CountableText } from './vectorize/tfidf.js'
export { CsrBuilder, normalizeRows, transposeCsr, columnCounts, rowDot } from './vectorize/csr.js'

// --- cluster ---
export { fitLsa, projectLsa } from './cluster/lsa.js'
export type { LsaOptions, LsaModel } from './cluster/lsa.js'
export { kmeans } from './cluster/kmeans.js'
export type { KmeansOptions, KmeansResult } from './cluster/kmeans.js'
export { chooseK, meanSilhouette, cosineDistances } from './cluster/chooseK.js'
export type { ChooseKOptions, ChooseKResult } from './cluster/chooseK.js'
export { labelThemes, composeLabel } from './cluster/labelThemes.js'
export type { LabelOptions, ThemeKeyword, ThemeNames } from './cluster/labelThemes.js'

// --- similarity ---
export { relatedTalks, relatedToRow, searchTalks } from './similarity/relatedTalks.js'
export type { RelatedOptions, RelatedTalk } from './similarity/relatedTalks.js'

// --- atlas (whole pipeline) ---
export { buildAtlas, resolveAtlasOptions, checkTalks, UNCLASSIFIED_THEME_ID } from './atlas/buildAtlas.js'
export { assignThemes } from './atlas/assignThemes.js'
export type { ThemeAssignment } from './atlas/assignThemes.js'
export { serializeAtlas, loadAtlas, ATLAS_FORMAT, ATLAS_VERSION } from './atlas/serializeAtlas.js'
export type { AtlasJson } from './atlas/serializeAtlas.js'
export type { Atlas, AtlasOptions, ResolvedAtlasOptions, Theme, ThemeMember } from './atlas/types.js'

// --- tag ---

// --- sessions ---

// --- report ---
export { renderHtmlReport } from './report/renderHtmlReport.js'
export { renderMarkdownReport } from './report/renderMarkdownReport.js'
export { projectMap } from './report/projectMap.js'
export type { MapProjection, MapMethod, ProjectMapOptions } from './report/projectMap.js'
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
