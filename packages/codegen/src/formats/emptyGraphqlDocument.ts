import { parse } from 'graphql';

/**
 * Whether a line of `text` has anything but whitespace before its first `#`. Then the document is not empty, and
 * need not be parsed to know it (a statements file parses in full: tens of ms for 50 models).
 */
export const hasCodeLine = (text: string): boolean => {
  for (let from = 0; from <= text.length; ) {
    const newline = text.indexOf('\n', from);
    const end = newline === -1 ? text.length : newline;
    if (text.slice(from, end).replace(/#.*$/, '').trim() !== '') return true;
    from = end + 1;
  }
  return false;
};

/**
 * True for a statements document with nothing in it but whitespace and comments, which the real tool skips
 * (amplify-backend #3280) rather than writing or parsing it. A malformed non-empty document is not empty.
 */
export const isEmptyGraphqlDocument = (document: string): boolean => {
  if (hasCodeLine(document)) return false;
  try {
    parse(document);
    return false;
  } catch {
    return document.split('\n').map((line) => line.replace(/#.*$/, '')).join('\n').trim() === '';
  }
};
