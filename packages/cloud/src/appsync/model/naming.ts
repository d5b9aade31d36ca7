import type { IndexDef, ModelDef } from './types.js';

/** Field and type names exactly as the Amplify transformer (graphql-transformer-core `operation-names`) derives them. */
export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const camel = (words: string[]) => words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : cap(w))).join('');
const truncate = (name: string) => name; // names over 50 chars get an md5 suffix in AWS; models that long are not supported

export const fieldNames = (m: ModelDef) => ({
  get: camel(['get', m.name]),
  list: camel(['list', m.pluralName]),
  create: camel(['create', m.name]),
  update: camel(['update', m.name]),
  delete: camel(['delete', m.name]),
  onCreate: truncate(camel(['onCreate', m.name])),
  onUpdate: truncate(camel(['onUpdate', m.name])),
  onDelete: truncate(camel(['onDelete', m.name])),
});

export const typeNames = (m: ModelDef) => ({
  connection: `Model${m.name}Connection`,
  filter: `Model${m.name}FilterInput`,
  condition: `Model${m.name}ConditionInput`,
  subscriptionFilter: `ModelSubscription${m.name}FilterInput`,
  create: `Create${m.name}Input`,
  update: `Update${m.name}Input`,
  delete: `Delete${m.name}Input`,
});

/** The argument name of a composite sort key (`[status, name]` → `statusName`). */
export const sortKeyArgName = (sortKeys: string[]): string => camel(sortKeys);

export const compositeKeyTypeNames = (m: ModelDef, index?: IndexDef) => {
  const base = index ? `Model${m.name}${cap(index.name)}` : `Model${m.name}Primary`;
  return { condition: `${base}CompositeKeyConditionInput`, key: `${base}CompositeKeyInput` };
};
