// Themes and related talks from a sentence-embedding model, blended with the words:
//   npm install @huggingface/transformers   (optional: talkatlas never depends on it)
//   npx tsx examples/embeddings.ts [talks.json]
// The model (Xenova/all-MiniLM-L6-v2, about 23 MB) downloads from the Hugging Face Hub on first
// use and is cached; later runs work offline. Any other model works the same: talkatlas only
// needs one vector per talk.
import { readFileSync } from 'node:fs'
import { buildAtlas, relatedTalks, searchTalks, type Talk } from 'talkatlas'

/** The part of `@huggingface/transformers` used here, typed so this file compiles without it. */
interface FeatureTensor {
  /** `[texts, dimensions]`. */
  readonly dims: readonly number[]
  /** Row-major values. */
  readonly data: Float32Array
}
type Extractor = (texts: string[], options: { pooling: 'mean'; normalize: boolean }) => Promise<FeatureTensor>
interface Transformers {
  pipeline(task: 'feature-extraction', model: string): Promise<Extractor>
}

const MODEL = 'Xenova/all-MiniLM-L6-v2'
// A name in a variable: TypeScript does not resolve it, so the package stays optional.
const packageName = '@huggingface/transformers'
const transformers = (await import(packageName).catch(() => null)) as Transformers | null
if (transformers === null) {
  console.error(`examples/embeddings.ts needs ${packageName}: npm install ${packageName}`)
  process.exit(1)
}

const path = process.argv[2] ?? new URL('../fixtures/lpc-networking-bpf.json', import.meta.url).pathname
const talks = (JSON.parse(readFileSync(path, 'utf8')) as { talks: Talk[] }).talks

console.error(`embedding ${talks.length} talks with ${MODEL} (downloaded on first use)…`)
const extract = await transformers.pipeline('feature-extraction', MODEL)
const texts = talks.map((talk) => `${talk.title}. ${talk.abstract}`)
const batch = 32
const embeddings: Float32Array[] = []
for (let start = 0; start < texts.length; start += batch) {
  const output = await extract(texts.slice(start, start + batch), { pooling: 'mean', normalize: true })
  const d = output.dims[1]!
  for (let row = 0; row < output.dims[0]!; row++) embeddings.push(output.data.slice(row * d, (row + 1) * d))
}

// Themes, tags, sessions and related talks blend words and vectors (weight 0.7 on the vectors
// by default); labels and shared terms still come from the words.
const atlas = buildAtlas(talks, { embeddings, embeddingWeight: 0.7 })
for (const theme of atlas.themes) console.log(`${theme.label} (${theme.talks.length})`)

const first = talks[0]!
console.log(`\nRelated to “${first.title}”:`)
for (const related of relatedTalks(atlas, first.id, { top: 3 })) {
  console.log(`  ${talks.find((talk) => talk.id === related.id)!.title} — ${related.terms.join(', ')}`)
}

// A search query embedded by the same model ranks by meaning as well as by its words.
const query = 'running programs safely inside the kernel'
const queryVector = (await extract([query], { pooling: 'mean', normalize: true })).data
console.log(`\nSearch: “${query}”`)
for (const hit of searchTalks(atlas, query, { top: 3, queryVector })) {
  console.log(`  ${talks.find((talk) => talk.id === hit.id)!.title}`)
}
