/**
 * The theme that holds talks without any known term, so that every talk is in a theme.
 */
import type { Talk, Warning } from '../types.js'
import type { Theme } from './types.js'

/** Id of the theme holding talks without any known term. */
export const UNCLASSIFIED_THEME_ID = 'unclassified'

/**
 * Puts talks without any known term into an `unclassified` theme, so none is lost.
 * @param talks Talks in the order of `assignment`.
 * @param assignment Theme rank of each talk, -1 for none; set to the new theme's rank.
 * @param themes Themes so far.
 * @param warnings Receives the `unclassified-talks` warning.
 */
export function addUnclassified(talks: readonly Talk[], assignment: Int32Array, themes: Theme[], warnings: Warning[]): Theme[] {
  const ids: string[] = []
  for (let i = 0; i < talks.length; i++) {
    if (assignment[i] === -1) {
      assignment[i] = themes.length
      ids.push(talks[i].id)
    }
  }
  if (ids.length === 0) return themes
  warnings.push({
    code: 'unclassified-talks',
    message: `${ids.length} talk(s) share no term with the rest of the corpus and form the theme "${UNCLASSIFIED_THEME_ID}"`,
    talkIds: ids,
  })
  return [...themes, { id: UNCLASSIFIED_THEME_ID, label: 'Unclassified', keywords: [], talks: ids.map((id) => ({ id, score: 0 })) }]
}
