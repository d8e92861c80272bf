// talkatlas/report: the HTML report and its map. A separate entry because the map's UMAP
// layout (umap-js and ml-matrix) is the largest dependency: `import 'talkatlas'` and browser
// bundles of the core never load it.

export { renderHtmlReport } from './report/renderHtmlReport.js'
export { projectMap } from './report/projectMap.js'
export type { MapProjection, MapMethod, ProjectMapOptions } from './report/projectMap.js'
export type { ReportOptions } from './report/types.js'

// --- compare: the page of what changed between two editions (issue #17) ---
export { renderCompareHtml } from './report/renderCompareHtml.js'
export type { CompareHtmlOptions } from './report/renderCompareHtml.js'
