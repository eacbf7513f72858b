// Some objects are read through one selector only, so that every reader gets the same fields, the
// same user-mode access and the same limits (the product catalogue: Product2 through
// ProductCatalogSelector, for scoring and for email intake alike). This rule finds SOQL on such an
// object anywhere else: static queries `[SELECT ... FROM Product2 ...]` (in methods, initializer
// blocks and constant initializers) and string literals of dynamic SOQL (`'... FROM Product2 ...'`).
// Test classes may query the object to check what the selector returns. Inner queries over a
// relationship (`(SELECT ... FROM OpportunityLineItems)`) and fields reached through a lookup
// (`Product2.Name`) are reads of another object and not counted.
import { descendants, kind, lineOf, opt } from '../../apex-ast.mjs';
import { apexModel } from '../apex-model.mjs';

/** Object API name → the classes (top-level names) that may query it. */
export const OWNERS = new Map([['Product2', ['ProductCatalogSelector']]]);

const ownersOf = new Map([...OWNERS].map(([obj, classes]) => [obj.toLowerCase(), { obj, classes }]));
const DYNAMIC_FROM = /\bfrom\s+([A-Za-z_][\w]*)\b/gi;

/** The object of a static query's FROM (undefined for a relationship path). */
function fromObject(query) {
  const table = opt(opt(query?.from)?.exprs?.[0]?.table);
  if (!table?.field || opt(table.entity)?.field) return undefined;
  return table.field.value;
}

export default {
  name: 'selector-queries',
  description:
    'Apex (parsed): an object with an owning selector is queried only there (' +
    [...OWNERS].map(([o, c]) => `${o}: ${c.join(', ')}`).join('; ') +
    '): static SOQL in methods, initializers and constants, and string literals of dynamic SOQL; ' +
    'test classes are exempt',
  async run(ctx) {
    const model = await apexModel(ctx);
    const own = new Set([...ctx.classFiles, ...ctx.triggerFiles]);
    for (const cls of model.classes) {
      if (cls.isTest || !own.has(cls.file)) continue;
      const topLevel = cls.name.split('.')[0];
      const roots = [...cls.bodies.map((b) => b.node), ...cls.constants.values()];
      const seen = new Set();
      const flag = (node, obj, how) => {
        const owner = ownersOf.get(obj.toLowerCase());
        if (!owner || owner.classes.includes(topLevel)) return;
        const key = `${lineOf(node)} ${owner.obj}`;
        if (seen.has(key)) return;
        seen.add(key);
        ctx.report(
          cls.file,
          `line ${lineOf(node)}: ${how} FROM ${owner.obj} in ${cls.name}; read ${owner.obj} through ` +
            `${owner.classes.join(' or ')} (add a method there if it lacks one)`
        );
      };
      for (const root of roots) {
        for (const n of descendants(root)) {
          const k = kind(n);
          if (k === 'Expr$SoqlExpr') {
            const obj = fromObject(opt(n.query));
            if (obj) flag(n, obj, 'SOQL');
          } else if (k === 'Expr$LiteralExpr' && n.type?.$ === 'STRING') {
            for (const m of String(n.literal.$).matchAll(DYNAMIC_FROM)) flag(n, m[1], 'dynamic SOQL');
          }
        }
      }
    }
  }
};
