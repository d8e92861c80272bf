/**
 * Makes a stable id for a talk that has none: its 1-based position in the input and up
 * to six words of its title, lower-cased and joined by `-` (letters and digits of any
 * script are kept, so CJK titles give readable ids). Same input, same id.
 *
 * @param position 0-based index of the talk in its input.
 * @param title Talk title, possibly empty.
 * @returns An id such as `12-rust-for-linux` or `12` for an untitled talk.
 */
export function makeId(position: number, title: string): string {
  const words = title.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu)
  const number = String(position + 1)
  if (words === null) return number
  let slug = ''
  for (let i = 0; i < words.length && i < 6; i++) {
    const next = slug === '' ? words[i]! : `${slug}-${words[i]!}`
    if (next.length > 48) break
    slug = next
  }
  return slug === '' ? number : `${number}-${slug}`
}
