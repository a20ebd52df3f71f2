/**
 * User text: a field a person types that other people see. Its schema carries a marker the
 * function runtime finds by walking an action's input schema, so every marked field of every
 * action goes through the content check (server/runtime/function.ts) and no field can skip it.
 */
import type * as v from 'valibot';

/** The metadata a user-text schema carries in its pipe (`v.metadata(USER_TEXT)`). */
export const USER_TEXT = { userText: true } as const;

type Node = {
  type?: string;
  pipe?: readonly Node[];
  kind?: string;
  metadata?: Record<string, unknown>;
  entries?: Record<string, Node>;
  item?: Node;
  wrapped?: Node;
  options?: readonly Node[];
  items?: readonly Node[];
  rest?: Node;
};

/** Whether this schema (or a schema its pipe starts from) is marked as user text. */
export function isUserText(schema: unknown): boolean {
  const pipe = (schema as Node).pipe;
  if (!pipe) return false;
  return pipe.some(
    (step) => (step.kind === 'metadata' && step.metadata?.userText === true) || (step.kind === 'schema' && isUserText(step)),
  );
}

/**
 * Every user-text value in `value`, read along `schema` (objects, arrays, optional/nullable,
 * unions). `value` is the parsed output, so the texts are the trimmed ones that get stored.
 */
export function userTextsOf(schema: v.GenericSchema<unknown, unknown>, value: unknown): string[] {
  const found: string[] = [];
  collect(schema as Node, value, found);
  return found;
}

function collect(schema: Node, value: unknown, found: string[]): void {
  if (value === undefined || value === null) return;
  if (isUserText(schema)) {
    if (typeof value === 'string' && value) found.push(value);
    return;
  }
  if (schema.wrapped) return collect(schema.wrapped, value, found);
  if (schema.entries && typeof value === 'object') {
    for (const [key, entry] of Object.entries(schema.entries)) collect(entry, (value as Record<string, unknown>)[key], found);
    return;
  }
  if (Array.isArray(value)) {
    if (schema.item) for (const element of value) collect(schema.item, element, found);
    if (schema.items) schema.items.forEach((item, index) => collect(item, value[index], found));
    return;
  }
  // A union: the texts of the first option that has any (the value fits one option, not all).
  for (const option of schema.options ?? []) {
    const texts: string[] = [];
    collect(option, value, texts);
    if (texts.length) return void found.push(...texts);
  }
}

/**
 * Code points that show nothing on screen: control characters, zero-width and joiner characters,
 * bidi marks, embeddings, overrides and isolates, invisible operators, the BOM, variation
 * selectors (also the supplementary ones), Mongolian and Khmer invisible marks, interlinear
 * annotation and format controls, Hangul and Braille fillers used as blank names, and Unicode tags.
 */
function isInvisible(codePoint: number): boolean {
  return (
    codePoint <= 0x20 ||
    (codePoint >= 0x7f && codePoint <= 0xa0) ||
    codePoint === 0xad ||
    codePoint === 0x34f ||
    codePoint === 0x61c ||
    codePoint === 0x115f ||
    codePoint === 0x1160 ||
    (codePoint >= 0x17b4 && codePoint <= 0x17b5) ||
    (codePoint >= 0x180b && codePoint <= 0x180f) ||
    (codePoint >= 0x2000 && codePoint <= 0x200f) ||
    (codePoint >= 0x2028 && codePoint <= 0x202f) ||
    (codePoint >= 0x205f && codePoint <= 0x206f) ||
    codePoint === 0x2800 ||
    codePoint === 0x3000 ||
    codePoint === 0x3164 ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    codePoint === 0xfeff ||
    codePoint === 0xffa0 ||
    (codePoint >= 0xfff9 && codePoint <= 0xfffb) ||
    (codePoint >= 0x13430 && codePoint <= 0x1343f) ||
    (codePoint >= 0x1bca0 && codePoint <= 0x1bca3) ||
    (codePoint >= 0x1d173 && codePoint <= 0x1d17a) ||
    (codePoint >= 0xe0000 && codePoint <= 0xe007f) ||
    (codePoint >= 0xe0100 && codePoint <= 0xe01ef)
  );
}

/**
 * True for a non-empty text made only of invisible characters (or of lone surrogates, which are
 * not characters at all). A plain index loop, not a `u`-flag regex: the mini program's scripts
 * are ES5, where neither Unicode property escapes nor lookbehind exist.
 */
export function onlyInvisible(text: string): boolean {
  if (!text) return false;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        index += 1;
        if (!isInvisible((unit - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000)) return false;
      }
      continue;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) continue;
    if (!isInvisible(unit)) return false;
  }
  return true;
}
