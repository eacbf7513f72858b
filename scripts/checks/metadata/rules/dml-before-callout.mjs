import { descendants, kind, lineOf, names, opt } from '../../apex-ast.mjs';
import { annotationsOf, apexModel } from '../apex-model.mjs';

const DATABASE_DML = new Set(['insert', 'update', 'upsert', 'delete', 'undelete', 'merge', 'convertlead']);
const DEAD = Symbol('no path continues');

const isEmpty = (v) => !v || (typeof v === 'object' && Object.keys(v).length === 0);

export default {
  name: 'dml-before-callout',
  description:
    'Apex (parsed): no HTTP callout (Http.send, WebServiceCallout.invoke) runs after a DML statement ' +
    '(insert/update/upsert/delete/undelete/merge, Database.* DML) in the same transaction. Scope: the ' +
    'statements of each method in order, with if/else, switch, try/catch and loops (a loop body with both ' +
    'is reported), and through calls to methods of project classes (same class, Class.method, a typed ' +
    'variable or new Class()), transitively; @future methods are async and not followed; interface and ' +
    'virtual dispatch, triggers fired by DML and test classes are out of scope',
  async run(ctx) {
    const model = await apexModel(ctx);
    const typesOf = new Map(model.bodies.map((b) => [b, model.varTypes(b)]));

    /** Bodies a method call may run synchronously (project methods only). */
    const callees = (call, b) => {
      const types = typesOf.get(b);
      const ns = names(call.names);
      const method = ns.at(-1);
      const dotted = opt(call.dottedExpr);
      let cls;
      if (isEmpty(dotted)) {
        if (ns.length === 1) cls = b.cls;
        else {
          const t = ns.length === 2 ? types.get(ns[0]) : undefined;
          cls = t ? model.byName.get(t.name) : model.byName.get(ns.slice(0, -1).join('.'));
        }
      } else if (kind(dotted) === 'Expr$ThisVariableExpr' && ns.length === 1) cls = b.cls;
      else if (kind(dotted) === 'Expr$NewExpr' && ns.length === 1) {
        cls = model.byName.get(names(dotted.creator?.type?.names).join('.'));
      }
      return (cls?.methodsByName.get(method) ?? []).filter((m) => !annotationsOf(m).includes('future'));
    };
    const isCallout = (call, b) => {
      const ns = names(call.names);
      const dotted = opt(call.dottedExpr);
      if (ns.join('.').toLowerCase() === 'webservicecallout.invoke') return 'WebServiceCallout.invoke';
      if (ns.at(-1) !== 'send') return undefined;
      if (
        !isEmpty(dotted) &&
        kind(dotted) === 'Expr$NewExpr' &&
        names(dotted.creator?.type?.names).join('.') === 'Http'
      ) {
        return 'Http.send';
      }
      if (isEmpty(dotted) && ns.length === 2 && typesOf.get(b).get(ns[0])?.name === 'Http')
        return 'Http.send';
      return undefined;
    };
    const isDml = (node) => {
      const k = kind(node);
      if (/^Stmnt\$Dml\w+Stmnt$/.test(k)) return k.replace(/^Stmnt\$Dml(\w+)Stmnt$/, '$1').toLowerCase();
      if (k === 'Expr$MethodCallExpr') {
        const ns = names(node.names);
        if (ns.length === 2 && ns[0].toLowerCase() === 'database' && DATABASE_DML.has(ns[1].toLowerCase())) {
          return `Database.${ns[1]}`;
        }
      }
      return undefined;
    };

    // Direct effects per body, then what each may do through its callees (fixed point).
    const summary = new Map();
    for (const b of model.bodies) {
      const s = { dml: undefined, callout: undefined, calls: [] };
      for (const n of descendants(b.node)) {
        const d = isDml(n);
        if (d && !s.dml) s.dml = `${d} at line ${lineOf(n)}`;
        if (kind(n) === 'Expr$MethodCallExpr') {
          const c = isCallout(n, b);
          if (c && !s.callout) s.callout = `${c} at line ${lineOf(n)}`;
          s.calls.push(...callees(n, b));
        }
      }
      summary.set(b, s);
    }
    const may = new Map(
      model.bodies.map((b) => [b, { dml: summary.get(b).dml, callout: summary.get(b).callout }])
    );
    for (let changed = true; changed; ) {
      changed = false;
      for (const b of model.bodies) {
        const m = may.get(b);
        for (const c of summary.get(b).calls) {
          const cm = may.get(c);
          const via = `${c.cls.name}.${c.name}`;
          if (!m.dml && cm.dml) {
            m.dml = `${via} (${cm.dml})`;
            changed = true;
          }
          if (!m.callout && cm.callout) {
            m.callout = `${via} (${cm.callout})`;
            changed = true;
          }
        }
      }
    }

    for (const b of model.bodies) {
      if (b.cls.isTest || !b.node) continue;
      const reported = new Set();
      /** Effects of an expression-level node, in source order: [{ kind: 'dml'|'callout', what, line }]. */
      const effects = (node) => {
        const out = [];
        for (const n of descendants(node)) {
          if (kind(n) !== 'Expr$MethodCallExpr') {
            const d = isDml(n);
            if (d) out.push({ kind: 'dml', what: d, line: lineOf(n) });
            continue;
          }
          const line = lineOf(n);
          const d = isDml(n);
          if (d) out.push({ kind: 'dml', what: d, line });
          const c = isCallout(n, b);
          if (c) out.push({ kind: 'callout', what: c, line });
          for (const callee of callees(n, b)) {
            const m = may.get(callee);
            const via = `${callee.cls.name}.${callee.name}`;
            if (m.callout)
              out.push({ kind: 'callout', what: `a call to ${via}, which makes ${m.callout}`, line });
            if (m.dml) out.push({ kind: 'dml', what: `a call to ${via}, which does ${m.dml}`, line });
          }
        }
        return out;
      };
      const apply = (events, state) => {
        let s = state;
        for (const e of events) {
          if (e.kind === 'callout' && s && s !== DEAD) {
            const key = `${e.line}`;
            if (!reported.has(key)) {
              reported.add(key);
              ctx.report(
                b.cls.file,
                `line ${e.line}: ${e.what} after DML (${s.what} at line ${s.line}) in the same transaction ` +
                  `(${b.cls.name}.${b.name}); call out first, or move the callout to a Queueable`
              );
            }
          }
          if (e.kind === 'dml' && !s) s = e;
        }
        return s;
      };
      const merge = (...states) => {
        const live = states.filter((s) => s !== DEAD);
        if (live.length === 0) return DEAD;
        return live.find((s) => s) ?? null;
      };
      const flow = (stmt, state) => {
        const st = opt(stmt);
        if (!st || state === DEAD) return state;
        const k = kind(st);
        switch (k) {
          case 'Stmnt$BlockStmnt': {
            let s = state;
            for (const c of st.stmnts ?? []) s = flow(c, s);
            return s;
          }
          case undefined:
            if (Array.isArray(st.stmnts))
              return flow({ '@class': 'x.Stmnt$BlockStmnt', stmnts: st.stmnts }, state);
            return state;
          case 'Stmnt$IfElseBlock': {
            let s = state;
            const outs = [];
            for (const ib of st.ifBlocks ?? []) {
              s = apply(effects(ib.expr), s);
              outs.push(flow(ib.stmnt, s));
            }
            const elseStmt = opt(st.elseBlock)?.stmnt;
            outs.push(elseStmt ? flow(elseStmt, s) : s);
            return merge(...outs);
          }
          case 'Stmnt$SwitchStmnt': {
            const s = apply(effects(st.expr), state);
            const outs = (st.whenBlocks ?? []).map((w) => flow(w.stmnt, s));
            if (!(st.whenBlocks ?? []).some((w) => kind(w) === 'WhenBlock$ElseWhen')) outs.push(s);
            return merge(...outs);
          }
          case 'Stmnt$WhileLoop':
          case 'Stmnt$DoLoop':
          case 'Stmnt$ForLoop': {
            const head = [st.condition, st.forControl].filter(Boolean);
            let s = state;
            for (const h of head) s = apply(effects(h), s);
            const once = flow(st.stmnt, s);
            // A second pass sees what the first iteration left behind (DML before the next callout).
            const twice = flow(st.stmnt, merge(s, once));
            return merge(s, once, twice);
          }
          case 'Stmnt$TryCatchFinallyBlock': {
            const afterTry = flow(st.tryBlock, state);
            const entering = merge(state, afterTry === DEAD ? state : afterTry);
            const outs = [afterTry, ...(st.catchBlocks ?? []).map((c) => flow(c.stmnt, entering))];
            const fin = opt(st.finallyBlock);
            const s = merge(...outs);
            return fin && !isEmpty(fin) ? flow(fin, s === DEAD ? entering : s) : s;
          }
          case 'Stmnt$ReturnStmnt':
          case 'Stmnt$ThrowStmnt':
            apply(effects(st.expr), state);
            return DEAD;
          case 'Stmnt$RunAsBlock':
            return flow(st.stmnt, state);
          default:
            return apply(effects(st), state);
        }
      };
      flow(b.node, null);
    }
  }
};
