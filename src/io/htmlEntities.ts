/**
 * HTML named character references that show up in conference exports: the Latin-1 set
 * (HTML 4, code points 160–255, in order) plus typography, arrows and maths signs.
 * Unknown names are left as written rather than guessed.
 */

// Names of U+00A0 … U+00FF, in code point order (HTML 4.01, section 24.2).
const latin1Names =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 ' +
  'acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde ' +
  'Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc ' +
  'Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml ' +
  'aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc ' +
  'otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'

const otherEntities: Readonly<Record<string, number>> = {
  quot: 34, amp: 38, apos: 39, lt: 60, gt: 62,
  OElig: 338, oelig: 339, Scaron: 352, scaron: 353, Yuml: 376, fnof: 402, circ: 710, tilde: 732,
  ensp: 8194, emsp: 8195, thinsp: 8201, zwnj: 8204, zwj: 8205, lrm: 8206, rlm: 8207,
  ndash: 8211, mdash: 8212, lsquo: 8216, rsquo: 8217, sbquo: 8218, ldquo: 8220, rdquo: 8221,
  bdquo: 8222, dagger: 8224, Dagger: 8225, bull: 8226, hellip: 8230, permil: 8240, prime: 8242,
  Prime: 8243, lsaquo: 8249, rsaquo: 8250, oline: 8254, euro: 8364, trade: 8482,
  larr: 8592, uarr: 8593, rarr: 8594, darr: 8595, harr: 8596, lArr: 8656, uArr: 8657, rArr: 8658,
  dArr: 8659, hArr: 8660, forall: 8704, part: 8706, exist: 8707, empty: 8709, nabla: 8711, isin: 8712,
  notin: 8713, sum: 8721, minus: 8722, lowast: 8727, radic: 8730, prop: 8733, infin: 8734, and: 8743,
  or: 8744, cap: 8745, cup: 8746, int: 8747, there4: 8756, sim: 8764, cong: 8773, asymp: 8776, ne: 8800,
  equiv: 8801, le: 8804, ge: 8805, sub: 8834, sup: 8835, sube: 8838, supe: 8839, loz: 9674, spades: 9824,
  clubs: 9827, hearts: 9829, diams: 9830, check: 10003, star: 9734, starf: 9733,
  alpha: 945, beta: 946, gamma: 947, delta: 948, epsilon: 949, lambda: 955, mu: 956, pi: 960,
  sigma: 963, tau: 964, phi: 966, omega: 969, Delta: 916, Sigma: 931, Omega: 937,
}

function buildEntityTable(): ReadonlyMap<string, string> {
  const table = new Map<string, string>()
  const names = latin1Names.split(' ')
  for (let i = 0; i < names.length; i++) table.set(names[i]!, String.fromCodePoint(160 + i))
  for (const name of Object.keys(otherEntities)) table.set(name, String.fromCodePoint(otherEntities[name]!))
  return table
}

let entityTable: ReadonlyMap<string, string> | undefined

const entityPattern = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g

/**
 * Decodes HTML character references (`&amp;`, `&#233;`, `&#x1F600;`). Invalid code
 * points become U+FFFD; unknown names stay as written.
 * @param text Text that may contain references.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(entityPattern, (match, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    // Built on first use: importing the library does not pay for it.
    if (name !== undefined) return (entityTable ??= buildEntityTable()).get(name) ?? match
    const codePoint = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16)
    return codePointToString(codePoint)
  })
}

/**
 * Decodes only what XML itself defines: the five predefined entities and numeric
 * references. Used by the XML reader, which keeps the parser's own entity expansion off.
 * @param text Raw XML text content.
 */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g, (_match, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return xmlPredefined[name]!
    return codePointToString(decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16))
  })
}

const xmlPredefined: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/**
 * A code point as a string, U+FFFD for NUL, surrogates and values beyond U+10FFFF.
 * @param codePoint Numeric code point from a character reference.
 */
function codePointToString(codePoint: number): string {
  if (codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return '\uFFFD'
  return String.fromCodePoint(codePoint)
}
