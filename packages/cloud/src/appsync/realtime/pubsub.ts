import type { Doc } from '../store.js';
import type { DataApi } from '../resolvers/context.js';

/** A live subscription: which mutations it listens to and how it delivers (auth, filter, selection set inside). */
export interface Subscriber {
  apiId: string;
  mutations: string[];
  deliver(api: DataApi, doc: Doc): void;
}

/** Mutation events → subscribers of the same API, delivered after the mutation's own response. */
export function createPubSub() {
  const subscribers = new Set<Subscriber>();
  return {
    add: (s: Subscriber) => void subscribers.add(s),
    remove: (s: Subscriber) => void subscribers.delete(s),
    size: () => subscribers.size,
    publish(api: DataApi, mutation: string, doc: Doc): void {
      if (subscribers.size === 0) return;
      const targets = [...subscribers].filter((s) => s.apiId === api.config.apiId && s.mutations.includes(mutation));
      if (targets.length === 0) return;
      setImmediate(() => {
        for (const s of targets) if (subscribers.has(s)) s.deliver(api, doc);
      });
    },
  };
}

export type PubSub = ReturnType<typeof createPubSub>;
