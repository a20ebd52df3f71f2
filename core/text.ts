/** Small rules for text shown to people: whole sentences, and excerpts that say they are cut. */

/** Ends with one full stop: 「原因：材料不全。」 not 「原因：材料不全。。」. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[。！？.!?…]$/.test(trimmed) ? trimmed : `${trimmed}。`;
}

/**
 * At most `max` characters, marked with 「…」 when cut. A cut never splits a number (a phone number
 * or code cut in half reads as a different one): it moves back to before the digits.
 */
export function excerpt(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');
  let end = max - 1;
  if (/\d/.test(chars[end - 1] ?? '') && /\d/.test(chars[end] ?? '')) {
    while (end > 0 && /\d/.test(chars[end - 1])) end -= 1;
  }
  return `${chars.slice(0, end).join('').trimEnd()}…`;
}
