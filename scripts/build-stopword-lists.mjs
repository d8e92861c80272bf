// Writes src/text/stopwordLists.ts from the `stopword` package (a development dependency):
// the lists of the languages talkatlas reads, each with its source file's licence notice, so
// the library ships the 7 lists it uses instead of loading all 62 at import time. It also
// writes talkatlas's English stopwords (the package's list with the further function words and
// the conference boilerplate below) front-coded, the form the library reads them in: in a
// browser bundle that is 0.3 KB gzipped less than the words as text (docs/performance.md).
//
//   node scripts/build-stopword-lists.mjs          write the file
//   node scripts/build-stopword-lists.mjs --check  exit 1 when the file is out of date
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const packageDir = dirname(require.resolve('stopword/package.json'))
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'))

/** ISO 639-1 code → the package's ISO 639-3 list name. */
const LANGUAGES = { en: 'eng', de: 'deu', es: 'spa', fr: 'fra', it: 'ita', nl: 'nld', pt: 'por' }

/** English function words missing from the `stopword` package's list. */
const MORE_ENGLISH = (
  "above across against ago almost along already although always among amongst anyone anything " +
  "anyway anywhere around away back became become becomes behind below beside besides beyond " +
  "cannot can't couldn didn does doesn doing don done down due during either else elsewhere " +
  "enough etc even ever every everyone everything everywhere e.g few first former further " +
  "furthermore gets getting given gives goes going gone hadn hasn haven hence hers herself " +
  "however i.e isn itself its just last latter least less let lets made makes making may " +
  "meanwhile mine moreover mostly myself namely near nearly neither nevertheless next no nobody " +
  "none nor not nothing nowhere off often once one ones onto others otherwise ours ourselves " +
  "own per perhaps quite rather really says see seem seemed seems several shall she shouldn so " +
  "someone something sometimes somewhere thanks thereby therefore thus together toward towards " +
  "two three upon us via wasn weren whatever when whenever whereas whether whichever whole whom " +
  "whose why will within without won wouldn yet yours yourself yourselves i'm we're we'll we've " +
  "it's let's there's that's don't doesn't isn't aren't won't"
).split(' ')

/**
 * Words conference abstracts use about the event, the talk or the audience. They say
 * nothing about a talk's topic, so they would only blur themes. (Those already in the English
 * lists, `also`, `will`, `first`, are not repeated.)
 */
const CONFERENCE_BOILERPLATE = (
  'talk talks presentation presentations present presenting presented session sessions discuss ' +
  'discussed discussing discussion discussions speaker speakers audience attendee attendees ' +
  'participants conference workshop slides slide demo demos introduce introduces introducing ' +
  'introduction overview share sharing learn learned learnt cover covers covering explore ' +
  'explores exploring show shows showing shown look looking looks want wants try trying tried ' +
  'q&a new use used uses using usage ways lot lots various different able need needs needed ' +
  'provide provides providing example examples current currently recent recently year years ' +
  'today thing things kind part parts work works worked working based approach approaches help ' +
  'helps including include includes particular particularly specific possible important ' +
  'interesting great good better best main real world people hope brief briefly finally start ' +
  'started starting goal goals idea ideas second third focus focuses focused aim aims give ' +
  'takes taken questions question answer answers hear join know knowledge understand ' +
  'understanding describe describes talking propose proposed proposal summarize summarise ' +
  'summary'
).split(' ')

/**
 * Words sorted and front-coded: each as the count of letters it shares with the word before
 * (a digit, at most 9), then its other letters. Decoded by `frontDecoded` in src/text/stopwords.ts.
 * @param {Iterable<string>} words Distinct words without digits.
 */
function frontCoded(words) {
  let previous = ''
  let text = ''
  for (const word of [...words].sort()) {
    if (/\d/.test(word)) throw new Error(`stopword ${word} contains a digit`)
    let shared = 0
    while (shared < 9 && word[shared] !== undefined && word[shared] === previous[shared]) shared++
    text += shared + word.slice(shared)
    previous = word
  }
  return text
}

const lists = []
const notices = []
for (const [code, name] of Object.entries(LANGUAGES)) {
  const source = readFileSync(join(packageDir, 'src', `stopwords_${name}.js`), 'utf8')
  const notice = /^\/\*([\s\S]*?)\*\//.exec(source)
  if (notice) notices.push(`${code} (stopwords_${name}.js):\n${notice[1].trim()}`)
  const words = require('stopword')[name]
  if (words.some((word) => word.includes('|'))) throw new Error(`${name}: a stopword contains the separator |`)
  lists.push(`/** Stopwords of ${code}, separated by "|". */\nexport const STOPWORDS_${code.toUpperCase()} = ${JSON.stringify(words.join('|'))}`)
}

const functionWords = new Set([...require('stopword').eng, ...MORE_ENGLISH])
const repeated = CONFERENCE_BOILERPLATE.filter((word) => functionWords.has(word))
if (repeated.length > 0) throw new Error(`conference boilerplate repeats English function words: ${repeated.join(', ')}`)

const text = `// Generated by scripts/build-stopword-lists.mjs from stopword ${version}; do not edit.
// The lists' licences, as their source files state them:
${notices.map((n) => n.split('\n').map((line) => `//   ${line}`.trimEnd()).join('\n')).join('\n//\n')}

// One constant per language, so that a bundle that registers no other language ships
// the English list alone.
${lists.join('\n')}

/**
 * talkatlas's English function words: the \`stopword\` package's English list and the further
 * function words of scripts/build-stopword-lists.mjs, sorted and front-coded (each word is the
 * count of letters it shares with the word before, then its other letters).
 */
export const ENGLISH_FUNCTION_WORDS_CODED = ${JSON.stringify(frontCoded(functionWords))}
/** Words conference abstracts use about themselves (scripts/build-stopword-lists.mjs), front-coded as above. */
export const CONFERENCE_BOILERPLATE_CODED = ${JSON.stringify(frontCoded(CONFERENCE_BOILERPLATE))}

/** Stopwords of each language read by talkatlas (ISO 639-1 code → words separated by "|"). */
export const STOPWORD_LISTS = {
${Object.keys(LANGUAGES).map((code) => `  ${code}: STOPWORDS_${code.toUpperCase()},`).join('\n')}
} as const
`
const target = join(root, 'src/text/stopwordLists.ts')
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== text) {
    console.error('src/text/stopwordLists.ts is out of date: run node scripts/build-stopword-lists.mjs')
    process.exit(1)
  }
} else writeFileSync(target, text)
