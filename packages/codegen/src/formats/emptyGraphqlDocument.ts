import { parse } from 'graphql';

/**
 * True for a statements document with nothing in it but whitespace and comments, which the real tool skips
 * (amplify-backend #3280) rather than writing or parsing it. A malformed non-empty document is not empty.
 */
export const isEmptyGraphqlDocument = (document: string): boolean => {
  try {
    parse(document);
    return false;
  } catch {
    return document.split('\n').map((line) => line.replace(/#.*$/, '')).join('\n').trim() === '';
  }
};
