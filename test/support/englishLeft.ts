/**
 * The English words left in text shown in VS Code's pseudo-language (qps-ploc), where every
 * translated letter is an accented one: what remains in plain ASCII letters was never passed
 * through l10n.t. Data is not English: the values given (identifiers, token symbols and names,
 * URLs) are removed first, and so are addresses, hashes, icons (`$(copy)`) and words under three
 * letters.
 */
export function englishLeft(text: string, data: readonly string[]): string[] {
  let rest = text.replace(/https?:\/\/[^\s`)]+/g, ' ').replace(/0x[0-9a-fA-F]+/g, ' ').replace(/\$\([a-z-]+\)/g, ' ');
  for (const value of [...data].sort((a, b) => b.length - a.length)) {
    rest = rest.split(value).join(' ');
  }
  return [...new Set(rest.match(/[A-Za-z]{3,}/g) ?? [])];
}
