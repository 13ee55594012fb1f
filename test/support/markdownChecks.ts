/** Every ASCII punctuation mark: what escapeMarkdown must neutralise. */
export const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/**
 * ASCII punctuation in `text` that no backslash escapes (a backslash escapes the one character
 * after it).
 */
export function unescapedPunctuation(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length && ASCII_PUNCTUATION.includes(text[i + 1])) {
      i++;
    } else if (ASCII_PUNCTUATION.includes(text[i])) {
      found.push(text[i]);
    }
  }
  return found;
}
