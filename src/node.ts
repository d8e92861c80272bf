// talkatlas/node: the parts of the API that need Node (file system). Everything in
// talkatlas itself runs in browsers too; this entry adds file reading and atomic writes.

export * from './index.js'

// --- io: files ---
export { readTalksFile } from './io/readTalksFile.js'
export type { ReadTalksFileOptions, ReadTalksFileResult } from './io/readTalksFile.js'
export { writeFileAtomic } from './io/writeFileAtomic.js'
export type { FileContent } from './io/writeFileAtomic.js'

// --- embeddings: files ---
export { readEmbeddingsFile } from './io/readEmbeddingsFile.js'
