// types/lwc/apex.d.ts against the Apex it describes, and every LWC `@salesforce/apex/Class.method`
// import against both. The LWC TypeScript compile checks each call against apex.d.ts; this test
// closes the chain to Apex:
// - each import names an `@AuraEnabled static` method of an existing class, declared in apex.d.ts;
// - each declared module matches such a method: parameter names and count, `cacheable=true` when
//   declared as a wire adapter;
// - each DTO field typed in apex.d.ts exists on the Apex class the method really returns or takes
//   (followed structurally from the method signatures, through lists, maps and nested DTOs), is
//   `@AuraEnabled` on returned DTOs, and has a compatible type.
// Apex is read with @apexdevtools/apex-parser; TypeScript with the TypeScript compiler API.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import {
  allClassesDirs,
  apexClass,
  filesUnder,
  loadApexProject,
  packageDefaultDirs,
  type ApexClass,
  type ApexMethod
} from './boundary-apex-model';
import { repoRoot } from './boundary-support';

jest.setTimeout(120_000);

const project = loadApexProject(allClassesDirs);
const dtsFile = join(repoRoot, 'types', 'lwc', 'apex.d.ts');
/** The lwc folder of every package directory that has one. */
const lwcDirs = packageDefaultDirs.map((d) => join(d, 'lwc')).filter((d) => existsSync(d));

// ---------------------------------------------------------------------------------------------
// apex.d.ts

interface DeclaredModule {
  className: string;
  methodName: string;
  /** Parameter object type (undefined when the function takes no argument). */
  params?: ts.TypeNode;
  result: ts.TypeNode;
  wire: boolean;
}

function loadDeclarations(source: string, fileName = dtsFile) {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const modules: DeclaredModule[] = [];
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  const aliases = new Map<string, ts.TypeAliasDeclaration>();
  for (const statement of sf.statements) {
    if (ts.isInterfaceDeclaration(statement)) interfaces.set(statement.name.text, statement);
    if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, statement);
    if (!ts.isModuleDeclaration(statement) || !ts.isStringLiteral(statement.name)) continue;
    const m = /^@salesforce\/apex\/(\w+)\.(\w+)$/.exec(statement.name.text);
    if (!m || !statement.body || !ts.isModuleBlock(statement.body)) continue;
    for (const s of statement.body.statements) {
      if (ts.isFunctionDeclaration(s) && s.type) {
        const result =
          ts.isTypeReferenceNode(s.type) && s.type.typeName.getText(sf) === 'Promise'
            ? s.type.typeArguments?.[0]
            : s.type;
        modules.push({
          className: m[1]!,
          methodName: m[2]!,
          params: s.parameters[0]?.type,
          result: result!,
          wire: false
        });
      }
      if (ts.isVariableStatement(s)) {
        const type = s.declarationList.declarations[0]?.type;
        if (type && ts.isTypeReferenceNode(type) && type.typeArguments?.length === 2) {
          modules.push({
            className: m[1]!,
            methodName: m[2]!,
            params: type.typeArguments[0],
            result: type.typeArguments[1]!,
            wire: true
          });
        }
      }
    }
  }
  return { sf, modules, interfaces, aliases };
}

// ---------------------------------------------------------------------------------------------
// Comparison

/** Apex types each TypeScript keyword type can stand for (JSON over the Lightning data service). */
const SCALAR: Record<string, string[]> = {
  string: ['string', 'id', 'date', 'datetime', 'time'],
  number: ['integer', 'long', 'decimal', 'double'],
  boolean: ['boolean']
};

function auraMethod(className: string, methodName: string): ApexMethod | string {
  const cls = project.find(className);
  if (!cls) return `no Apex class ${className}`;
  const method = cls.methods.find((x) => x.name === methodName);
  if (!method) return `${className} has no method ${methodName}`;
  if (!method.annotations.includes('auraenabled')) return `${className}.${methodName} is not @AuraEnabled`;
  if (!method.modifiers.includes('static')) return `${className}.${methodName} is not static`;
  return method;
}

/** An Apex class named in a type, looked up as written, then inside the owner's outer classes. */
function resolveClass(name: string, owner: ApexClass): ApexClass | undefined {
  const direct = project.find(name);
  if (direct) return direct;
  const parts = owner.qualifiedName.split('.');
  for (let i = parts.length; i > 0; i--) {
    const found = project.find(`${parts.slice(0, i).join('.')}.${name}`);
    if (found) return found;
  }
  return undefined;
}

/** `List<Foo>` -> ['List', ['Foo']]; `Map<String, List<Foo>>` -> ['Map', ['String', 'List<Foo>']]. */
function generic(apexType: string): [string, string[]] {
  const lt = apexType.indexOf('<');
  if (lt < 0 || !apexType.endsWith('>')) return [apexType, []];
  const args: string[] = [];
  let depth = 0;
  let start = lt + 1;
  for (let i = start; i < apexType.length - 1; i++) {
    const c = apexType[i];
    if (c === '<') depth++;
    if (c === '>') depth--;
    if (c === ',' && depth === 0) {
      args.push(apexType.slice(start, i));
      start = i + 1;
    }
  }
  args.push(apexType.slice(start, -1));
  return [apexType.slice(0, lt), args];
}

class Checker {
  problems: string[] = [];
  private readonly done = new Set<string>();
  constructor(private readonly d: ReturnType<typeof loadDeclarations>) {}

  /** Removes `| null`, `| undefined` from a union. */
  private nonNull(t: ts.TypeNode): ts.TypeNode[] {
    if (ts.isUnionTypeNode(t))
      return t.types.filter(
        (x) =>
          !(ts.isLiteralTypeNode(x) && x.literal.kind === ts.SyntaxKind.NullKeyword) &&
          x.kind !== ts.SyntaxKind.UndefinedKeyword
      );
    if (ts.isParenthesizedTypeNode(t)) return this.nonNull(t.type);
    return [t];
  }

  type(t: ts.TypeNode, apexType: string, owner: ApexClass, where: string, returned: boolean): void {
    const parts = this.nonNull(t);
    if (parts.length === 0) return;
    // A union of string literals ('asc' | 'desc') is a String in Apex.
    if (parts.length > 1) {
      if (parts.every((p) => ts.isLiteralTypeNode(p) && ts.isStringLiteral(p.literal)))
        return this.scalar('string', apexType, where);
      this.problems.push(`${where}: cannot compare union ${t.getText(this.d.sf)}`);
      return;
    }
    const node = parts[0]!;
    const [base, args] = generic(apexType);
    if (node.kind === ts.SyntaxKind.UnknownKeyword || node.kind === ts.SyntaxKind.AnyKeyword) return;
    if (node.kind === ts.SyntaxKind.StringKeyword) return this.scalar('string', apexType, where);
    if (node.kind === ts.SyntaxKind.NumberKeyword) return this.scalar('number', apexType, where);
    if (node.kind === ts.SyntaxKind.BooleanKeyword) return this.scalar('boolean', apexType, where);
    if (node.kind === ts.SyntaxKind.VoidKeyword) {
      if (apexType.toLowerCase() !== 'void')
        this.problems.push(`${where}: void in apex.d.ts, ${apexType} in Apex`);
      return;
    }
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal))
      return this.scalar('string', apexType, where);
    if (ts.isArrayTypeNode(node)) {
      if (!/^(list|set)$/i.test(base) || args.length !== 1) {
        this.problems.push(`${where}: array in apex.d.ts, ${apexType} in Apex`);
        return;
      }
      return this.type(node.elementType, args[0]!, owner, `${where}[]`, returned);
    }
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText(this.d.sf);
      if (name === 'Record' || name === 'Partial') {
        const record = name === 'Partial' ? node.typeArguments?.[0] : node;
        if (!record || !ts.isTypeReferenceNode(record) || record.typeName.getText(this.d.sf) !== 'Record') {
          this.problems.push(`${where}: cannot compare ${node.getText(this.d.sf)}`);
          return;
        }
        if (base.toLowerCase() !== 'map' || args.length !== 2) {
          this.problems.push(`${where}: Record in apex.d.ts, ${apexType} in Apex`);
          return;
        }
        if (!/^(string|id)$/i.test(args[0]!))
          this.problems.push(`${where}: Map key ${args[0]} is not a String`);
        // Record<string, never> (no parameters) has no values to compare.
        if (record.typeArguments?.[1]?.kind !== ts.SyntaxKind.NeverKeyword)
          this.type(record.typeArguments![1]!, args[1]!, owner, `${where}{}`, returned);
        return;
      }
      const alias = this.d.aliases.get(name);
      if (alias) return this.type(alias.type, apexType, owner, where, returned);
      const iface = this.d.interfaces.get(name);
      if (!iface) {
        this.problems.push(`${where}: type ${name} is not declared in apex.d.ts`);
        return;
      }
      const cls = resolveClass(apexType, owner);
      if (!cls) {
        this.problems.push(
          `${where}: ${name} in apex.d.ts, ${apexType} in Apex is not a class of the project`
        );
        return;
      }
      return this.dto(iface, cls, where, returned);
    }
    if (ts.isTypeLiteralNode(node)) {
      const cls = resolveClass(apexType, owner);
      if (!cls) {
        this.problems.push(`${where}: object in apex.d.ts, ${apexType} in Apex`);
        return;
      }
      return this.members(node.members, cls, where, returned);
    }
    this.problems.push(`${where}: cannot compare ${node.getText(this.d.sf)}`);
  }

  private scalar(kind: string, apexType: string, where: string): void {
    if (!SCALAR[kind]!.includes(apexType.toLowerCase()))
      this.problems.push(`${where}: ${kind} in apex.d.ts, ${apexType} in Apex`);
  }

  private dto(iface: ts.InterfaceDeclaration, cls: ApexClass, where: string, returned: boolean): void {
    const key = `${iface.name.text}=${cls.qualifiedName}:${returned}`;
    if (this.done.has(key)) return;
    this.done.add(key);
    const members = [...iface.members];
    for (const clause of iface.heritageClauses ?? []) {
      for (const t of clause.types) {
        const parent = this.d.interfaces.get(t.expression.getText(this.d.sf));
        if (parent) members.push(...parent.members);
        else this.problems.push(`${iface.name.text}: extends unknown ${t.expression.getText(this.d.sf)}`);
      }
    }
    this.members(members, cls, `${iface.name.text} (${cls.qualifiedName})`, returned);
  }

  /** Instance fields of a class and its superclasses (the subclass's own first). */
  private fieldsOf(cls: ApexClass): ApexClass['fields'] {
    const own = cls.fields.filter((f) => !f.modifiers.includes('static'));
    if (!cls.extends) return own;
    const parent = resolveClass(cls.extends, cls);
    if (!parent) {
      this.problems.push(`${cls.qualifiedName}: extends ${cls.extends}, not a class of the project`);
      return own;
    }
    return [...own, ...this.fieldsOf(parent)];
  }

  private members(
    members: readonly ts.TypeElement[],
    cls: ApexClass,
    where: string,
    returned: boolean
  ): void {
    const fields = this.fieldsOf(cls);
    const seen = new Set<string>();
    for (const m of members) {
      if (!ts.isPropertySignature(m) || !m.type) continue;
      const name = m.name.getText(this.d.sf);
      // An interface's own declaration comes before the one it inherits: compare the first only.
      if (seen.has(name)) continue;
      seen.add(name);
      const field = fields.find((f) => f.name === name);
      if (!field) {
        this.problems.push(
          `${where}.${name}: typed in apex.d.ts, no such field on ${cls.qualifiedName} (${cls.file})`
        );
        continue;
      }
      if (returned && !field.annotations.includes('auraenabled'))
        this.problems.push(
          `${where}.${name}: ${cls.qualifiedName}.${name} is not @AuraEnabled, so LWC never receives it`
        );
      this.type(m.type, field.type, cls, `${where}.${name}`, returned);
    }
  }

  module(mod: DeclaredModule): void {
    const where = `@salesforce/apex/${mod.className}.${mod.methodName}`;
    const method = auraMethod(mod.className, mod.methodName);
    if (typeof method === 'string') {
      this.problems.push(`${where}: ${method}`);
      return;
    }
    const owner = apexClass(project, mod.className);
    if (mod.wire && !method.annotationTexts.some((a) => /cacheable=true/.test(a)))
      this.problems.push(
        `${where}: declared as a wire adapter, but the method is not @AuraEnabled(cacheable=true)`
      );
    const declared = new Map<string, ts.TypeNode>();
    const params = mod.params ? this.nonNull(mod.params)[0] : undefined;
    if (params && ts.isTypeLiteralNode(params)) {
      for (const p of params.members)
        if (ts.isPropertySignature(p) && p.type) declared.set(p.name.getText(this.d.sf), p.type);
    } else if (
      params &&
      !(ts.isTypeReferenceNode(params) && params.getText(this.d.sf) === 'Record<string, never>')
    ) {
      this.problems.push(
        `${where}: parameters must be an object type literal, got ${params.getText(this.d.sf)}`
      );
    }
    const apexNames = method.parameters.map((p) => p.name);
    if (JSON.stringify([...declared.keys()].sort()) !== JSON.stringify([...apexNames].sort()))
      this.problems.push(
        `${where}: parameters (${[...declared.keys()].join(', ')}) in apex.d.ts, (${apexNames.join(', ')}) in Apex`
      );
    for (const p of method.parameters) {
      const t = declared.get(p.name);
      if (t) this.type(t, p.type, owner, `${where}(${p.name})`, false);
    }
    this.type(mod.result, method.type, owner, `${where} result`, true);
  }
}

function check(source: string): string[] {
  const d = loadDeclarations(source);
  const checker = new Checker(d);
  for (const mod of d.modules) checker.module(mod);
  return checker.problems;
}

// ---------------------------------------------------------------------------------------------
// LWC imports

function apexImports(): { file: string; className: string; methodName: string }[] {
  const out: { file: string; className: string; methodName: string }[] = [];
  const files = lwcDirs.flatMap((d) => filesUnder(d, '.ts')).filter((f) => !f.endsWith('.d.ts'));
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const s of sf.statements) {
      if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) continue;
      const m = /^@salesforce\/apex\/(\w+)\.(\w+)$/.exec(s.moduleSpecifier.text);
      if (m) out.push({ file: relative(repoRoot, file), className: m[1]!, methodName: m[2]! });
    }
  }
  return out;
}

describe('LWC imports of Apex methods', () => {
  const imports = apexImports();
  const declared = new Set(
    loadDeclarations(readFileSync(dtsFile, 'utf8')).modules.map((m) => `${m.className}.${m.methodName}`)
  );

  it('finds the imports', () => {
    expect(imports.length).toBeGreaterThan(10);
  });

  it('each names an @AuraEnabled static method of an existing class, typed in apex.d.ts', () => {
    const wrong: string[] = [];
    for (const i of imports) {
      const method = auraMethod(i.className, i.methodName);
      if (typeof method === 'string') wrong.push(`${i.file}: ${method}`);
      if (!declared.has(`${i.className}.${i.methodName}`))
        wrong.push(
          `${i.file}: @salesforce/apex/${i.className}.${i.methodName} is not declared in types/lwc/apex.d.ts`
        );
    }
    expect(wrong).toEqual([]);
  });
});

describe('types/lwc/apex.d.ts agrees with the Apex', () => {
  it('declares only existing @AuraEnabled methods, with their parameters, result DTO fields and types', () => {
    expect(check(readFileSync(dtsFile, 'utf8'))).toEqual([]);
  });

  describe('and would notice', () => {
    const original = readFileSync(dtsFile, 'utf8');
    const mutate = (from: string, to: string) => {
      expect(original).toContain(from);
      return check(original.replace(from, to));
    };

    it('a DTO field that the Apex class does not have', () => {
      expect(mutate('  overdueOnly?: boolean;', '  overdueOnly?: boolean;\n  colour?: string;')).toEqual([
        expect.stringMatching(
          /DealReviewQueueQuery \(\w+\.QueueQuery\)\.colour: typed in apex\.d\.ts, no such field/
        )
      ]);
    });

    it('a renamed parameter', () => {
      expect(
        mutate('getAuditTimeline(params: { dealId: string })', 'getAuditTimeline(params: { id: string })')
      ).toEqual([
        '@salesforce/apex/DealReviewController.getAuditTimeline: parameters (id) in apex.d.ts, (dealId) in Apex'
      ]);
    });

    it('a method that does not exist', () => {
      expect(
        mutate(
          "'@salesforce/apex/DealMetricsController.getMetrics'",
          "'@salesforce/apex/DealMetricsController.getMetricz'"
        )
      ).toEqual([
        '@salesforce/apex/DealMetricsController.getMetricz: DealMetricsController has no method getMetricz'
      ]);
    });

    it('a field typed as the wrong kind', () => {
      expect(mutate('  backlogTotal: number;', '  backlogTotal: string;')).toEqual([
        expect.stringMatching(/backlogTotal: string in apex\.d\.ts, Integer in Apex/)
      ]);
    });
  });
});
