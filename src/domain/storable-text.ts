// Text PostgreSQL can store: no NUL character (text columns refuse it) and no lone UTF-16
// surrogate (it cannot be encoded as UTF-8; JSON's "\ud800" makes one).

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What to tell whoever sent text that is not storable. */
export const UNSTORABLE_TEXT = 'text must be valid Unicode without NUL (\\u0000) characters';

/** True when `text` can be stored as is. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}
