/** Characters recorders and apps mask with. */
function isMaskChar(code: number): boolean {
  return code === 42 /* * */ || code === 0x2022 /* • */ || code === 0x25cf /* ● */ || code === 0x2217 /* ∗ */;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

/**
 * What is left of a masked value, which is not a leak: mask characters and spaces, at least one mask (rrweb's
 * masked text replaces every non-space character with '*'), or mask characters followed by the last
 * `keepLast` characters the masking config keeps visible ("************4242").
 */
export function isMaskedValue(text: string, keepLast: number): boolean {
  let masks = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isMaskChar(code)) masks++;
    else if (!isSpace(code)) break;
  }
  // Whitespace alone is not masked text: it is the space between two inline elements, which a reader
  // reads across ("<b>Merritt</b><span> </span><b>Flatley</b>").
  if (i === text.length) return masks > 0;
  if (keepLast <= 0 || masks === 0) return false;
  // The rest: at most keepLast visible characters (spaces aside), after at least one mask character.
  let visible = 0;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isMaskChar(code) || isSpace(code)) continue;
    if (++visible > keepLast) return false;
  }
  return true;
}
