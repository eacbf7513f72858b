// What the Apex rules share: every class and trigger of the project parsed (../apex-ast.mjs), the
// classes by name (inner classes included), their methods, the declared types of fields, parameters
// and locals, and the string constants (`static final String X = '...'` and Set/List literals of
// them) that literals are often written through.
import { descendants, kind, names, opt, parseApexFiles, typeName } from '../apex-ast.mjs';

/** One executable body: a method, a constructor, a trigger body or an initializer block. */
function body(cls, name, node, params, modifiers) {
  return { cls, name, node, params, modifiers: modifiers ?? [] };
}

function annotations(modifiers) {
  return (modifiers ?? [])
    .filter((m) => kind(m) === 'Modifier$Annotation')
    .map((m) => m.name.value.toLowerCase());
}

function collectClass(file, decl, outer, out) {
  const name = outer ? `${outer.name}.${decl.name.value}` : decl.name.value;
  const info = {
    name,
    simpleName: decl.name.value,
    file,
    isTest: annotations(decl.modifiers).includes('istest') || Boolean(outer?.isTest),
    fields: new Map(), // name → type
    constants: new Map(), // name → VariableDecl initializer
    bodies: [],
    methodsByName: new Map()
  };
  out.push(info);
  for (const m of decl.members ?? []) {
    const k = kind(m);
    if (k === 'BlockMember$FieldMember' || k === 'BlockMember$PropertyMember') {
      const decls = m.variableDecls ?? m.propertyDecl;
      const t = typeName(decls?.type);
      for (const d of decls?.decls ?? (decls?.name ? [decls] : [])) {
        if (t) info.fields.set(d.name.value, t);
        const mods = (decls.modifiers ?? []).map(kind);
        const init = opt(d.assignment);
        if (mods.includes('Modifier$StaticModifier') && mods.includes('Modifier$FinalModifier') && init) {
          info.constants.set(d.name.value, init);
        }
      }
    } else if (k === 'BlockMember$MethodMember') {
      const md = m.methodDecl;
      const b = body(info, md.name.value, opt(md.stmnt), md.parameters ?? [], md.modifiers);
      info.bodies.push(b);
      if (!info.methodsByName.has(b.name)) info.methodsByName.set(b.name, []);
      info.methodsByName.get(b.name).push(b);
    } else if (k === 'BlockMember$StmntBlockMember' || k === 'BlockMember$StaticStmntBlockMember') {
      info.bodies.push(body(info, '<init>', m.stmnt, []));
    } else if (k === 'BlockMember$InnerClassMember') {
      collectClass(file, m.body, info, out);
    }
  }
  return info;
}

/** The Apex model, built once per run and kept on ctx. */
export function annotationsOf(b) {
  return annotations(b.modifiers);
}

export async function apexModel(ctx) {
  if (ctx.apexModel) return ctx.apexModel;
  const files = [...ctx.classFiles, ...ctx.triggerFiles, ...(ctx.dependencyApexFiles ?? [])];
  const parsed = await parseApexFiles(files);
  const classes = [];
  const parseErrors = [];
  for (const [file, { unit, errors }] of parsed) {
    if (errors.length > 0) parseErrors.push({ file, errors });
    if (!unit) continue;
    const k = kind(unit);
    if (k === 'CompilationUnit$ClassDeclUnit') collectClass(file, unit.body, undefined, classes);
    else if (k === 'CompilationUnit$TriggerDeclUnit') {
      const info = {
        name: unit.name.value,
        simpleName: unit.name.value,
        file,
        isTrigger: true,
        triggerObject: names(unit.target).join('.'),
        isTest: false,
        fields: new Map(),
        constants: new Map(),
        bodies: [],
        methodsByName: new Map()
      };
      info.bodies.push(body(info, '<trigger>', { stmnts: (unit.members ?? []).map((m) => m.stmnt) }, []));
      for (const m of unit.members ?? []) {
        if (kind(m) === 'BlockMember$MethodMember') {
          const b = body(
            info,
            m.methodDecl.name.value,
            opt(m.methodDecl.stmnt),
            m.methodDecl.parameters ?? []
          );
          info.bodies.push(b);
          info.methodsByName.set(b.name, [...(info.methodsByName.get(b.name) ?? []), b]);
        }
      }
      classes.push(info);
    }
  }
  const byName = new Map(classes.map((c) => [c.name, c]));
  for (const c of classes) if (!byName.has(c.simpleName)) byName.set(c.simpleName, c);

  /** Declared types of the names visible in a body: class fields, parameters, locals, loop variables. */
  const typeCache = new Map();
  const varTypes = (b) => {
    if (!typeCache.has(b)) typeCache.set(b, declaredTypes(b));
    return typeCache.get(b);
  };
  const declaredTypes = (b) => {
    const types = new Map(b.cls.fields);
    const ambiguous = new Set();
    const set = (n, t) => {
      if (!t) return;
      if (types.has(n) && types.get(n).name !== t.name && !b.cls.fields.has(n)) ambiguous.add(n);
      types.set(n, t);
    };
    for (const p of b.params) set(p.name.value, typeName(p.typeRef));
    for (const n of descendants(b.node)) {
      const k = kind(n);
      if (k === 'VariableDecls') {
        const t = typeName(n.type);
        for (const d of n.decls ?? []) set(d.name.value, t);
      } else if (k === 'ForControl$EnhancedForControl') {
        set(names(n.init?.name).at(-1), typeName(n.type));
      } else if (k === 'CatchBlock' && n.parameter) {
        set(n.parameter.name.value, typeName(n.parameter.typeRef));
      }
    }
    for (const n of ambiguous) types.delete(n);
    return types;
  };

  /** The string values an expression stands for (a literal, a constant or a Set/List literal of them). */
  const stringValues = (expr, cls, depth = 0) => {
    const e = opt(expr);
    if (!e || depth > 5) return undefined;
    const k = kind(e);
    if (k === 'Expr$LiteralExpr') return e.type?.$ === 'STRING' ? [e.literal.$] : undefined;
    if (k === 'Expr$VariableExpr' && Object.keys(e.dottedExpr ?? {}).length === 0) {
      const ns = names(e.names);
      const owner = ns.length === 1 ? cls : byName.get(ns.slice(0, -1).join('.'));
      const init = owner?.constants.get(ns.at(-1));
      return init ? stringValues(init, owner, depth + 1) : undefined;
    }
    if (
      k === 'Expr$NewExpr' &&
      ['NewObject$NewSetLiteral', 'NewObject$NewListLiteral'].includes(kind(e.creator))
    ) {
      const all = [];
      for (const v of e.creator.values ?? []) {
        const s = stringValues(v, cls, depth + 1);
        if (!s) return undefined;
        all.push(...s);
      }
      return all;
    }
    return undefined;
  };

  ctx.apexModel = {
    classes,
    byName,
    parseErrors,
    varTypes,
    stringValues,
    bodies: classes.flatMap((c) => c.bodies)
  };
  return ctx.apexModel;
}
