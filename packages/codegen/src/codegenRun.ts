/**
 * Work shared by the formats and targets generated in one run (one command, or every format of a batch):
 * the AppSync schema, the generated GraphQL documents and the formatted statements are each computed once
 * per run and key, then reused by every target that needs them (e.g. the `graphql` statements feed the
 * `graphql` target and every type target). A run lives as long as its caller keeps it; nothing is global.
 */
import { createHash } from 'node:crypto';

export class CodegenRun {
  readonly #values = new Map<string, unknown>();
  readonly #hashes = new Map<string, string>();

  /** The value for `key`, computed on first use (a promise is shared by concurrent callers). */
  once<T>(key: string, compute: () => T): T {
    if (this.#values.has(key)) return this.#values.get(key) as T;
    const value = compute();
    this.#values.set(key, value);
    return value;
  }

  /** A short stable key for a (large) text such as a schema. */
  keyOf(text: string): string {
    let hash = this.#hashes.get(text);
    if (!hash) {
      hash = createHash('sha256').update(text).digest('base64url');
      this.#hashes.set(text, hash);
    }
    return hash;
  }
}
