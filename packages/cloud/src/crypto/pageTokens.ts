import type { SealedBox } from './sealedBox.js';

/**
 * Opaque, tamper-proof pagination tokens: the cursor is sealed (AES-GCM) and bound to the query it
 * came from, so a token edited by hand or replayed against another query is refused.
 */
export interface PageTokens {
  seal(cursor: string, scope: string): string;
  /** undefined when the token is not one of ours for this scope. */
  open(token: string, scope: string): string | undefined;
}

export function createPageTokens(box: SealedBox): PageTokens {
  return {
    seal: (cursor, scope) => box.seal(cursor, `page:${scope}`).toString('base64url'),
    open(token, scope) {
      try {
        return box.open(Buffer.from(token, 'base64url'), `page:${scope}`);
      } catch {
        return undefined;
      }
    },
  };
}
