/**
 * Stopwords: the `stopword` package's English list, further English function words, and
 * words that conference abstracts use about themselves rather than about their topic.
 */
import { eng } from 'stopword'

/** English function words missing from the `stopword` package's list. */
const MORE_ENGLISH: readonly string[] = [
  'above', 'across', 'against', 'ago', 'almost', 'along', 'already', 'although', 'always', 'among',
  'amongst', 'anyone', 'anything', 'anyway', 'anywhere', 'around', 'away', 'back', 'became',
  'become', 'becomes', 'behind', 'below', 'beside', 'besides', 'beyond', 'cannot', 'can\'t', 'couldn',
  'didn', 'does', 'doesn', 'doing', 'don', 'done', 'down', 'due', 'during', 'either', 'else',
  'elsewhere', 'enough', 'etc', 'even', 'ever', 'every', 'everyone', 'everything', 'everywhere',
  'e.g', 'few', 'first', 'former', 'further', 'furthermore', 'gets', 'getting', 'given', 'gives',
  'goes', 'going', 'gone', 'hadn', 'hasn', 'haven', 'hence', 'hers', 'herself', 'however',
  'i.e', 'isn', 'itself', 'its', 'just', 'last', 'latter', 'least', 'less', 'let', 'lets', 'made',
  'makes', 'making', 'may', 'meanwhile', 'mine', 'moreover', 'mostly', 'myself', 'namely', 'near',
  'nearly', 'neither', 'nevertheless', 'next', 'no', 'nobody', 'none', 'nor', 'not', 'nothing',
  'nowhere', 'off', 'often', 'once', 'one', 'ones', 'onto', 'others', 'otherwise', 'ours',
  'ourselves', 'own', 'per', 'perhaps', 'quite', 'rather', 'really', 'says', 'see', 'seem',
  'seemed', 'seems', 'several', 'shall', 'she', 'shouldn', 'so', 'someone', 'something',
  'sometimes', 'somewhere', 'thanks', 'thereby', 'therefore', 'thus', 'together', 'toward',
  'towards', 'two', 'three', 'upon', 'us', 'via', 'wasn', 'weren', 'whatever', 'when', 'whenever',
  'whereas', 'whether', 'whichever', 'whole', 'whom', 'whose', 'why', 'will', 'within', 'without',
  'won', 'wouldn', 'yet', 'yours', 'yourself', 'yourselves', 'i\'m', 'we\'re', 'we\'ll', 'we\'ve',
  'it\'s', 'let\'s', 'there\'s', 'that\'s', 'don\'t', 'doesn\'t', 'isn\'t', 'aren\'t', 'won\'t',
]

/**
 * Words conference abstracts use about the event, the talk or the audience. They say
 * nothing about a talk's topic, so they would only blur themes.
 */
const CONFERENCE_BOILERPLATE: readonly string[] = [
  'talk', 'talks', 'presentation', 'presentations', 'present', 'presenting', 'presented',
  'session', 'sessions', 'discuss', 'discussed', 'discussing', 'discussion', 'discussions',
  'speaker', 'speakers', 'audience', 'attendee', 'attendees', 'participants', 'conference',
  'workshop', 'slides', 'slide', 'demo', 'demos', 'introduce', 'introduces', 'introducing',
  'introduction', 'overview', 'share', 'sharing', 'learn', 'learned', 'learnt',
  'cover', 'covers', 'covering', 'explore', 'explores', 'exploring', 'show', 'shows', 'showing',
  'shown', 'look', 'looking', 'looks', 'want', 'wants', 'try', 'trying', 'tried', 'q&a',
  'also', 'new', 'use', 'used', 'uses', 'using', 'usage', 'well', 'way', 'ways', 'lot', 'lots',
  'many', 'much', 'various', 'different', 'able', 'need', 'needs', 'needed', 'provide',
  'provides', 'providing', 'example', 'examples', 'will', 'would', 'current', 'currently',
  'recent', 'recently', 'year', 'years', 'today', 'thing', 'things', 'kind',
  'part', 'parts', 'work', 'works', 'worked', 'working', 'based', 'approach', 'approaches',
  'help', 'helps', 'including', 'include', 'includes', 'particular', 'particularly', 'specific',
  'able', 'possible', 'important', 'interesting', 'great', 'good', 'better', 'best',
  'main', 'real', 'world', 'everyone', 'people', 'hope', 'going', 'want', 'get', 'brief',
  'briefly', 'finally', 'start', 'started', 'starting', 'goal', 'goals', 'idea', 'ideas',
  'first', 'second', 'third', 'focus', 'focuses', 'focused', 'aim', 'aims', 'give', 'given',
  'gives', 'take', 'takes', 'taken', 'questions', 'question', 'answer', 'answers', 'hear',
  'join', 'come', 'know', 'knowledge', 'understand', 'understanding', 'describe', 'describes',
  'talking', 'propose', 'proposed', 'proposal', 'summarize', 'summarise', 'summary',
]

/** The default stopword set (lower case). */
export const DEFAULT_STOPWORDS: ReadonlySet<string> = new Set([...eng, ...MORE_ENGLISH, ...CONFERENCE_BOILERPLATE])

/**
 * Builds a stopword set from the defaults plus extra words, minus words to keep.
 *
 * @param extra Additional stopwords (any case).
 * @param keep Words to remove from the defaults (any case).
 */
export function buildStopwords(extra: readonly string[] = [], keep: readonly string[] = []): ReadonlySet<string> {
  if (extra.length === 0 && keep.length === 0) return DEFAULT_STOPWORDS
  const set = new Set(DEFAULT_STOPWORDS)
  for (const word of extra) set.add(word.toLowerCase())
  for (const word of keep) set.delete(word.toLowerCase())
  return set
}
