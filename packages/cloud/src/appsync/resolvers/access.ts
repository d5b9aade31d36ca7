import { dynamicRules, itemAllowed, staticAllowed } from '../auth/authorize.js';
import { unauthorized } from '../errors.js';
import type { AuthRule, ModelDef, Operation } from '../model/types.js';
import type { Doc } from '../store.js';
import type { ExecContext } from './context.js';

/** An operation's access for this caller: everything, or only items its owner / group rules match. */
export type Access = { all: true } | { all: false; rules: AuthRule[] };

const ALL: Access = Object.freeze({ all: true });

/** Throws AppSync's `Unauthorized` (naming `field` on `type`) when no rule can grant the operation. */
export function accessFor(m: ModelDef, op: Operation, ctx: ExecContext, field: string, type: string): Access {
  if (staticAllowed(m.rules, op, ctx.caller)) return ALL;
  const rules = dynamicRules(m.rules, op, ctx.caller);
  if (rules.length === 0) throw unauthorized(field, type);
  return { all: false, rules };
}

export const allows = (a: Access, doc: Doc, ctx: ExecContext): boolean => a.all || itemAllowed(doc, a.rules, ctx.caller);
