// "SObject row was retrieved via SOQL without querying the requested field" is a runtime error the
// org's Apex tests find, and only on the paths they happen to run. This rule finds it offline for
// records whose select list is known:
// - a static query `[SELECT ... FROM Obj__c ...]`, or a dynamic one whose text is built from string
//   constants (`'SELECT ' + String.join(FIELDS, ', ') + ' FROM ...'` or a String constant);
// - a project method that returns such a query (directly or through a local it returns): every
//   query it returns must select the field (the intersection);
// - a parameter whose ApexDoc says where its records come from:
//   `@param d a registration read with DealRegistrationSelector.PORTAL_FIELDS` (a constant or a
//   method of the project).
// Records are followed into the variables they are assigned to, `for` loops over them, and the
// parameters of project methods they are passed to (every call site must provide the field).
// Every `v.Field__c` / `v.Rel__r.Field__c` read (not written) on such a record must be selected.
// `Id` is always returned. Records from triggers, `new Obj__c(...)` or anything else are not
// followed; nothing is guessed.
import { readFileSync } from 'node:fs';
import { descendants, kind, lineOf, names, opt } from '../../apex-ast.mjs';
import { apexModel } from '../apex-model.mjs';
import { checkSoqlText } from '../soql-references.mjs';

const lc = (s) => s.toLowerCase();

/** `Rel__r.Field__c` path of a SOQL FieldIdentifier. */
function soqlPath(fieldIdentifier) {
  const fi = opt(fieldIdentifier);
  if (!fi?.field) return [];
  return [...soqlPath(fi.entity), fi.field.value];
}

/** Selected paths of a static query (lower case), sub-query relationship names included. */
function selectedPaths(query) {
  const select = opt(query.select);
  if (kind(select) !== 'SelectClause$SelectColumnClause') return undefined; // COUNT(), TYPEOF...
  const out = new Set(['id']);
  for (const e of select.exprs ?? []) {
    const k = kind(e);
    if (k === 'SelectExpr$SelectColumnExpr') {
      const f = opt(e.field);
      if (Object.keys(opt(f?.function1) ?? {}).length > 0) return undefined; // aggregate query
      out.add(lc(soqlPath(f?.field).join('.')));
    } else if (k === 'SelectExpr$SelectInnerQuery') {
      const from = soqlPath(opt(e.query)?.from?.exprs?.[0]?.table);
      if (from.length > 0) out.add(lc(from.join('.')));
    } else {
      return undefined;
    }
  }
  return out;
}

/** Fields of a dynamic query's select list, from `SELECT <fields> FROM` text. */
function pathsFromSoqlText(text) {
  const m = /^\s*select\s+([\s\S]+?)\s+from\s/i.exec(text);
  if (!m) return undefined;
  const out = new Set(['id']);
  for (const raw of m[1].split(',')) {
    const f = raw.trim();
    if (!/^[A-Za-z_][\w.]*$/.test(f)) return undefined; // functions, sub-queries: not followed
    out.add(lc(f));
  }
  return out;
}

/** Stands for "no records" (an empty list, null): neutral when intersecting. */
const NONE = Symbol('no records');

const intersect = (sets) => {
  const real = sets.filter((s) => s !== NONE);
  if (real.length === 0 || real.some((s) => !s)) return undefined;
  const [first, ...rest] = real;
  return new Set([...first].filter((x) => rest.every((s) => s.has(x))));
};

/** The ApexDoc `@param name ... read with X.Y` of each method, by class file and method name. */
function docSources(file) {
  const text = readFileSync(file, 'utf8');
  const out = new Map(); // methodName → Map(param → "X.Y")
  const re = /\/\*\*([\s\S]*?)\*\/\s*(?:@\w+(?:\([^)]*\))?\s*)*[\w<>,\s.]*?\b(\w+)\s*\(/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (const p of m[1].matchAll(/@param\s+(\w+)\b[^@]*?\bread with\s+([A-Za-z_][\w.]*\w)/g)) {
      if (!out.has(m[2])) out.set(m[2], new Map());
      out.get(m[2]).set(p[1], p[2]);
    }
  }
  return out;
}

export default {
  name: 'queried-fields',
  description:
    'Apex (parsed): a field read on a record that came from a query (static SOQL, dynamic SOQL built from ' +
    'string constants, a project method returning one, or a parameter documented `read with Class.NAME`) ' +
    'is in that query’s select list, followed through locals, for loops and calls into project methods',
  async run(ctx) {
    const model = await apexModel(ctx);
    const bodies = model.bodies.filter((b) => b.node && !b.cls.isTest);
    /** Query texts built from constants whose references were checked (file and text). */
    const checkedTexts = new Set();

    /** String value of a constant expression (literals, + concatenation, String.join of a list constant). */
    const stringOf = (expr, cls, depth = 0) => {
      const e = opt(expr);
      if (!e || depth > 8) return undefined;
      const k = kind(e);
      if (k === 'Expr$LiteralExpr') return e.type?.$ === 'STRING' ? e.literal.$ : undefined;
      if (k === 'Expr$BinaryExpr' && e.op?.$ === 'ADDITION') {
        const l = stringOf(e.left, cls, depth + 1);
        const r = stringOf(e.right, cls, depth + 1);
        return l === undefined || r === undefined ? undefined : l + r;
      }
      if (k === 'Expr$VariableExpr' && Object.keys(e.dottedExpr ?? {}).length === 0) {
        const ns = names(e.names);
        const owner = ns.length === 1 ? cls : model.byName.get(ns.slice(0, -1).join('.'));
        const init = owner?.constants.get(ns.at(-1));
        return init ? stringOf(init, owner, depth + 1) : undefined;
      }
      if (k === 'Expr$MethodCallExpr' && lc(names(e.names).join('.')) === 'string.join') {
        const [list, sep] = e.inputParameters ?? [];
        const values = model.stringValues(list, cls);
        const s = stringOf(sep, cls, depth + 1);
        return values && s !== undefined ? values.join(s) : undefined;
      }
      return undefined;
    };

    /** Paths a constant names: a List/Set of field names or a comma-separated String. */
    const constantPaths = (ref, cls) => {
      const ns = ref.split('.');
      const owner = ns.length === 1 ? cls : model.byName.get(ns.slice(0, -1).join('.'));
      const init = owner?.constants.get(ns.at(-1));
      if (!init) return undefined;
      const list = model.stringValues(init, owner);
      const text = list ? list.join(',') : stringOf(init, owner);
      if (text === undefined) return undefined;
      return new Set([
        'id',
        ...text
          .split(',')
          .map((f) => lc(f.trim()))
          .filter(Boolean)
      ]);
    };

    /** The method bodies a call expression may run (project methods, by name and arity). */
    const callees = (call, cls) => {
      const ns = names(call.names);
      if (Object.keys(call.dottedExpr ?? {}).length > 0 || ns.length === 0) return [];
      const owner = ns.length === 1 ? cls : model.byName.get(ns.slice(0, -1).join('.'));
      const arity = (call.inputParameters ?? []).length;
      return (owner?.methodsByName.get(ns.at(-1)) ?? []).filter((b) => b.params.length === arity && b.node);
    };

    const returnedCache = new Map();
    /** Paths every query a method returns selects (undefined when not known). */
    const returnedPaths = (b, depth = 0) => {
      if (returnedCache.has(b)) return returnedCache.get(b);
      returnedCache.set(b, undefined);
      const locals = new Map();
      for (const n of descendants(b.node)) {
        if (kind(n) === 'VariableDecls') {
          for (const d of n.decls ?? []) {
            const init = opt(d.assignment);
            if (init) locals.set(d.name.value, init);
          }
        }
      }
      const sets = [];
      for (const n of descendants(b.node)) {
        if (kind(n) !== 'Stmnt$ReturnStmnt') continue;
        const e = opt(n.expr);
        sets.push(e ? exprPaths(e, b.cls, depth + 1, locals) : undefined);
      }
      const result = intersect(sets);
      returnedCache.set(b, result);
      return result;
    };

    /** Paths the records an expression yields select, or undefined. */
    const exprPaths = (expr, cls, depth = 0, locals = undefined) => {
      let e = opt(expr);
      if (!e || depth > 6) return undefined;
      if (kind(e) === 'Expr$CastExpr') e = opt(e.expr);
      const k = kind(e);
      if (k === 'Expr$SoqlExpr') return selectedPaths(e.query);
      if (k === 'Expr$LiteralExpr' && e.type?.$ === 'NULL') return NONE;
      if (
        k === 'Expr$NewExpr' &&
        kind(e.creator) === 'NewObject$NewListInit' &&
        Object.keys(opt(e.creator.expr) ?? {}).length === 0
      )
        return NONE;
      if (k === 'Expr$TernaryExpr') {
        const both = [
          exprPaths(e.trueExpr, cls, depth + 1, locals),
          exprPaths(e.falseExpr, cls, depth + 1, locals)
        ];
        return both.every((x) => x === NONE) ? NONE : intersect(both);
      }
      if (k === 'Expr$ArrayExpr') return exprPaths(e.expr, cls, depth + 1, locals);
      if (k === 'Expr$VariableExpr' && locals && names(e.names).length === 1) {
        const init = locals.get(names(e.names)[0]);
        return init && init !== e ? exprPaths(init, cls, depth + 1, undefined) : undefined;
      }
      if (k === 'Expr$MethodCallExpr') {
        const ns = names(e.names).map(lc);
        if (ns.join('.') === 'database.query' || ns.join('.') === 'database.querywithbinds') {
          const text = stringOf(e.inputParameters?.[0], cls);
          if (text === undefined) return undefined;
          // The text is known only here (built from constants): its fields must exist, as in static SOQL.
          const key = `${cls.file}\n${text}`;
          if (!checkedTexts.has(key)) {
            checkedTexts.add(key);
            checkSoqlText(ctx, cls.file, `line ${lineOf(e)} (dynamic, from constants)`, text);
          }
          return pathsFromSoqlText(text);
        }
        const targets = callees(e, cls);
        if (targets.length !== 1) return undefined;
        return returnedPaths(targets[0], depth + 1);
      }
      return undefined;
    };

    // Bound parameters: body → Map(param → { paths, from }), from docs and from call sites.
    const paramSources = new Map();
    const bind = (b, param, paths, from) => {
      if (!paths) return false;
      if (!paramSources.has(b)) paramSources.set(b, new Map());
      const m = paramSources.get(b);
      const prev = m.get(param);
      if (!prev) {
        m.set(param, { paths, from });
        return true;
      }
      const next = intersect([prev.paths, paths]);
      if (next.size === prev.paths.size) return false;
      m.set(param, { paths: next, from: `${prev.from} and ${from}` });
      return true;
    };
    for (const file of new Set(bodies.map((b) => b.cls.file))) {
      const docs = docSources(file);
      for (const b of bodies.filter((x) => x.cls.file === file)) {
        for (const [param, ref] of docs.get(b.name) ?? []) {
          if (!b.params.some((p) => p.name.value === param)) continue;
          const ns = ref.split('.');
          const owner = ns.length === 1 ? b.cls : model.byName.get(ns.slice(0, -1).join('.'));
          const methods = owner?.methodsByName.get(ns.at(-1)) ?? [];
          const paths =
            constantPaths(ref, b.cls) ??
            intersect(methods.filter((m) => m.node).map((m) => returnedPaths(m)));
          if (!paths) {
            ctx.report(
              b.cls.file,
              `${b.cls.name}.${b.name}: @param ${param} says "read with ${ref}", which is not a field-list constant or a method returning a query of this project`
            );
            continue;
          }
          bind(b, param, paths, ref);
        }
      }
    }

    /**
     * Variables of a body by name and the line they are declared on: the same name declared again
     * (another loop, another block) is another variable, so a use takes the latest declaration at or
     * before its line. A declaration whose records are not from a query is kept too (as null): it
     * hides an earlier queried variable of the same name.
     */
    class Scoped {
      constructor(params) {
        this.byName = new Map();
        for (const [name, src] of params ?? []) this.set(name, 0, src);
      }
      set(name, line, src) {
        const list = this.byName.get(name) ?? [];
        const i = list.findIndex((x) => x.line === line);
        if (i >= 0) list[i] = { line, src };
        else list.push({ line, src });
        list.sort((a, c) => a.line - c.line);
        this.byName.set(name, list);
      }
      get(name, line) {
        const list = this.byName.get(name) ?? [];
        let found;
        for (const x of list) if (x.line <= line) found = x;
        return found?.src ?? undefined;
      }
      get bound() {
        return [...this.byName.values()].some((l) => l.some((x) => x.src));
      }
    }

    /** Variables of a body that hold queried records (Scoped: name and line → { paths, from }). */
    const boundVars = (b) => {
      const vars = new Scoped(paramSources.get(b));
      for (const p of b.params) if (!paramSources.get(b)?.has(p.name.value)) vars.set(p.name.value, 0, null);
      /** Source of an expression: a bound variable (or an element of one), or a query. */
      const sourceOf = (expr) => {
        let e = opt(expr);
        if (kind(e) === 'Expr$ArrayExpr') e = opt(e.expr);
        const ns =
          kind(e) === 'Expr$VariableExpr' && Object.keys(e.dottedExpr ?? {}).length === 0
            ? names(e.names)
            : [];
        if (ns.length === 1) {
          const v = vars.get(ns[0], lineOf(e) ?? 0);
          if (v) return v;
        }
        const paths = exprPaths(e, b.cls);
        if (!paths || paths === NONE) return undefined;
        const call = kind(e) === 'Expr$CastExpr' ? opt(e.expr) : e;
        const what =
          kind(call) === 'Expr$MethodCallExpr' ? `${names(call.names).join('.')}(...)` : 'the query';
        return { paths, from: `${what} at line ${lineOf(e)}` };
      };
      // Locals that start as an empty list and are filled with add(): NONE until something is added.
      const collected = new Map(); // name → { line, src }
      for (const n of descendants(b.node)) {
        if (kind(n) !== 'VariableDecls') continue;
        for (const d of n.decls ?? []) {
          const init = opt(d.assignment);
          if (init && exprPaths(init, b.cls) === NONE && kind(init) === 'Expr$NewExpr')
            collected.set(d.name.value, { line: lineOf(d) ?? 0, src: NONE });
        }
      }
      const merge = (a, b2) => ({
        paths: intersect([a.paths, b2.paths]),
        from: a.from === b2.from ? a.from : `${a.from} and ${b2.from}`
      });
      for (let pass = 0; pass < 3; pass++) {
        for (const c of collected.values()) c.src = NONE;
        for (const n of descendants(b.node)) {
          const k = kind(n);
          if (k === 'VariableDecls') {
            for (const d of n.decls ?? []) {
              const init = opt(d.assignment);
              const src = init ? sourceOf(init) : undefined;
              vars.set(d.name.value, lineOf(d) ?? 0, src ?? null);
            }
          } else if (k === 'ForControl$EnhancedForControl') {
            const v = names(n.init?.name).at(-1);
            const src = sourceOf(n.init?.expr);
            if (v) vars.set(v, lineOf(n) ?? 0, src ?? null);
          } else if (k === 'Expr$MethodCallExpr' && (n.inputParameters ?? []).length === 1) {
            // `list.add(record)`: the list holds what every record added to it selects.
            const [list, method] = names(n.names);
            const c = collected.get(list);
            if (names(n.names).length !== 2 || lc(method) !== 'add' || !c) continue;
            const src = sourceOf(n.inputParameters[0]);
            c.src = src && c.src !== undefined ? (c.src === NONE ? src : merge(c.src, src)) : undefined;
          }
        }
        for (const [list, c] of collected) if (c.src && c.src !== NONE) vars.set(list, c.line, c.src);
      }
      return vars;
    };

    // Propagate into called project methods until nothing changes (bounded).
    const varsOf = new Map();
    for (let round = 0; round < 4; round++) {
      let changed = false;
      for (const b of bodies) {
        const vars = boundVars(b);
        varsOf.set(b, vars);
        if (!vars.bound) continue;
        for (const n of descendants(b.node)) {
          if (kind(n) !== 'Expr$MethodCallExpr') continue;
          const args = n.inputParameters ?? [];
          for (const target of callees(n, b.cls)) {
            args.forEach((a, i) => {
              const e = opt(a);
              const an = kind(e) === 'Expr$VariableExpr' ? names(e.names) : [];
              const src = an.length === 1 ? vars.get(an[0], lineOf(e) ?? 0) : undefined;
              if (!src) return;
              const param = target.params[i]?.name.value;
              if (
                param &&
                bind(target, param, src.paths, `${b.cls.name}.${b.name} (line ${lineOf(e)}): ${src.from}`)
              )
                changed = true;
            });
          }
        }
      }
      if (!changed) break;
    }

    for (const b of bodies) {
      const vars = varsOf.get(b) ?? boundVars(b);
      if (!vars.bound) continue;
      const written = new Set();
      for (const n of descendants(b.node)) {
        if (kind(n) === 'Expr$AssignmentExpr') {
          const l = opt(n.left);
          if (kind(l) === 'Expr$VariableExpr') {
            if (n.op?.$ === 'EQUALS') written.add(lc(names(l.names).join('.')));
          }
        }
      }
      for (const n of descendants(b.node)) {
        if (kind(n) !== 'Expr$VariableExpr' || Object.keys(n.dottedExpr ?? {}).length > 0) continue;
        const ns = names(n.names);
        const bound = ns.length >= 2 ? vars.get(ns[0], lineOf(n) ?? 0) : undefined;
        if (!bound) continue;
        const path = ns.slice(1);
        if (!/__(c|r)$/i.test(path[0]) && !/^[A-Z]/.test(path[0])) continue;
        if (written.has(lc(ns.join('.')))) continue;
        const { paths, from } = bound;
        const want = lc(path.join('.'));
        const ok =
          paths.has(want) ||
          // `d.Rel__r` (the related record) is there when any of its fields is selected.
          (path.length === 1 && /__r$/i.test(path[0]) && [...paths].some((p) => p.startsWith(`${want}.`))) ||
          // methods on the value (d.Name.toLowerCase) are calls, not reads of a deeper field.
          (path.length > 1 && !/__(c|r)$/i.test(path.at(-1)) && paths.has(lc(path.slice(0, -1).join('.'))));
        if (!ok) {
          ctx.report(
            b.cls.file,
            `line ${lineOf(n)}: ${ns.join('.')} is read in ${b.cls.name}.${b.name}, but ${ns[0]} comes from ${from}, which does not select ${path.join('.')}`
          );
        }
      }
    }
  }
};
