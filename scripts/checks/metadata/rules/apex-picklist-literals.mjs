import { descendants, kind, lineOf, names, opt } from '../../apex-ast.mjs';
import { apexModel } from '../apex-model.mjs';

const EQUALITY = new Set(['DOUBLE_EQUAL', 'NOT_EQUAL', 'ALT_NOT_EQUAL', 'TRIPLE_EQUAL', 'NOT_TRIPLE_EQUAL']);

/** Path of a SOQL field identifier: Rel__r.Field__c → ["Rel__r", "Field__c"]. */
function soqlPath(fieldIdentifier) {
  const fi = opt(fieldIdentifier);
  if (!fi?.field) return [];
  return [...soqlPath(fi.entity), fi.field.value];
}

/** Query nodes below `node` without descending into nested queries. */
function* ownNodes(node, isRoot = true) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) yield* ownNodes(n, false);
    return;
  }
  if (!isRoot && kind(node) === 'Query') return;
  yield node;
  for (const [k, v] of Object.entries(node))
    if (k !== 'loc' && v && typeof v === 'object') yield* ownNodes(v, false);
}

export default {
  name: 'apex-picklist-literals',
  description:
    'Apex (parsed by the Apex parser prettier-plugin-apex ships): string literals, and string constants ' +
    '(static final, Set/List literals of them), assigned to a picklist field, compared with one (==, !=), ' +
    'given in new Obj__c(Field__c = ...), in switch-when values or in static SOQL conditions (=, !=, IN, ' +
    'NOT IN, INCLUDES, EXCLUDES, bind constants) are values of that picklist',
  async run(ctx) {
    const model = await apexModel(ctx);
    // Objects that have a picklist field of a given name (the fallback when the owner is unknown).
    const owners = new Map();
    for (const [obj, o] of ctx.objects) {
      for (const field of o.fields.keys()) {
        if (ctx.picklist(obj, field)) owners.set(field, [...(owners.get(field) ?? []), obj]);
      }
    }
    const resolvePath = (start, path) => {
      let current = start;
      for (const rel of path) {
        current = rel.endsWith('__r') ? ctx.lookupTarget(current, rel) : undefined;
        if (!current) return undefined;
      }
      return current;
    };
    for (const b of model.bodies) {
      if (!b.node) continue;
      const types = model.varTypes(b);
      const file = b.cls.file;
      /** Candidate owners of a field reached through a VariableExpr. */
      const candidates = (expr) => {
        const e = opt(expr);
        if (kind(e) !== 'Expr$VariableExpr') return undefined;
        const ns = names(e.names);
        const field = ns.at(-1);
        if (!field?.endsWith('__c') || !owners.has(field)) return undefined;
        const noDotted = Object.keys(e.dottedExpr ?? {}).length === 0;
        const t = noDotted && ns.length >= 2 ? types.get(ns[0]) : undefined;
        if (t && ctx.projectObject(t.name)) {
          const obj = resolvePath(t.name, ns.slice(1, -1));
          return obj && ctx.picklist(obj, field) ? { field, objs: [obj] } : undefined;
        }
        if (ns.length >= 2 && ctx.projectObject(ns[0])) return undefined; // Obj__c.Field__c token
        return { field, objs: owners.get(field) };
      };
      const check = (node, target, values, how, exact) => {
        if (!target || !values) return;
        for (const raw of values) {
          const pls = target.objs.map((o) => ({ o, p: ctx.picklist(o, target.field) }));
          for (const v of pls.some((x) => x.p.multi) ? raw.split(';') : [raw]) {
            const ok = pls.some(({ p }) =>
              p.values.some((pv) => (exact ? pv === v : pv.toLowerCase() === v.toLowerCase()))
            );
            if (!ok) {
              const where = target.objs.map((o) => `${o}.${target.field}`).join(' or ');
              ctx.report(file, `line ${lineOf(node)}: '${v}' (${how}) is not a value of picklist ${where}`);
            }
          }
        }
      };
      for (const n of descendants(b.node)) {
        const k = kind(n);
        if (k === 'Expr$AssignmentExpr' && n.op?.$ === 'EQUALS') {
          check(n, candidates(n.left), model.stringValues(n.right, b.cls), 'assigned', true);
        } else if (k === 'Expr$BooleanExpr' && EQUALITY.has(n.op?.$)) {
          check(n, candidates(n.left), model.stringValues(n.right, b.cls), 'compared', false);
          check(n, candidates(n.right), model.stringValues(n.left, b.cls), 'compared', false);
        } else if (k === 'Expr$NewExpr' && kind(n.creator) === 'NewObject$NewKeyValue') {
          const obj = names(n.creator.type?.names).at(-1);
          for (const kv of n.creator.keyValues ?? []) {
            const field = kv.name.value;
            if (ctx.picklist(obj, field)) {
              check(kv, { field, objs: [obj] }, model.stringValues(kv.value, b.cls), 'given', true);
            }
          }
        } else if (k === 'Stmnt$SwitchStmnt') {
          const target = candidates(n.expr);
          for (const w of n.whenBlocks ?? []) {
            for (const c of w.whenCases ?? []) {
              if (kind(c) === 'WhenCase$LiteralCase') {
                check(c, target, model.stringValues(c.expr, b.cls), 'in a switch', false);
              }
            }
          }
        } else if (k === 'Query') {
          const from = soqlPath(n.from?.exprs?.[0]?.table);
          const obj = from.length === 1 ? from[0] : undefined;
          if (!obj || !ctx.projectObject(obj)) continue;
          for (const w of ownNodes(n.where)) {
            if (!['WhereExpr$WhereOpExpr', 'WhereExpr$WhereOpExprs'].includes(kind(w))) continue;
            const path = soqlPath(w.field?.field);
            const field = path.at(-1);
            const owner = resolvePath(obj, path.slice(0, -1));
            if (!owner || !ctx.picklist(owner, field)) continue;
            for (const q of [w.expr].flat()) {
              const qk = kind(q);
              let values;
              if (qk === 'QueryExpr$LiteralExpr' && kind(q.literal) === 'QueryLiteral$QueryString') {
                values = [q.literal.literal];
              } else if (qk === 'QueryExpr$ApexExpr') {
                values = model.stringValues(q.expr?.expr, b.cls);
              }
              check(q, { field, objs: [owner] }, values, 'in SOQL', false);
            }
          }
        }
      }
    }
  }
};
