// A small model of the Apex source for the boundary tests: every class under force-app (feature
// subfolders included), parsed with the Apex grammar of @apexdevtools/apex-parser (no regexes over
// source text): classes and inner classes with their fields, properties, methods, parameters,
// modifiers and annotations, plus an evaluator for constant initializers (literals, references to
// other constants, `new Set<String>{ ... }` / `new List<String>{ ... }`).
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  ApexParserFactory,
  ThrowingErrorListener,
  type ClassDeclarationContext,
  type ExpressionContext,
  type FormalParametersContext,
  type ModifierContext,
  type TypeRefContext
} from '@apexdevtools/apex-parser';

/** The parts of an ANTLR parse tree node the model reads (rule contexts have children, tokens a symbol). */
interface ParseTree {
  getText(): string;
  children?: ParseTree[] | null;
  symbol?: { type: number; text?: string };
}

export interface ApexMember {
  name: string;
  /** Type as written without spaces, e.g. `List<String>`. */
  type: string;
  /** Lower-case keywords: public, static, final, ... */
  modifiers: string[];
  /** Lower-case annotation names without `@`: auraenabled, testvisible, ... */
  annotations: string[];
  /** Lower-case annotations as written without spaces: `@auraenabled(cacheable=true)`. */
  annotationTexts: string[];
}

export interface ApexField extends ApexMember {
  kind: 'field' | 'property';
  /** Tokens of the initializer expression (fields only). */
  initializer?: string[];
}

export interface ApexParameter {
  name: string;
  type: string;
}

export interface ApexMethod extends ApexMember {
  parameters: ApexParameter[];
}

export interface ApexClass {
  /** Simple name (`Candidate`); `qualifiedName` is `DealScoringApi.Candidate` for inner classes. */
  name: string;
  qualifiedName: string;
  file: string;
  modifiers: string[];
  annotations: string[];
  annotationTexts: string[];
  /** The superclass as written (`Draft`), when the class extends one. */
  extends?: string;
  fields: ApexField[];
  methods: ApexMethod[];
  inner: ApexClass[];
}

import { repoRoot } from './boundary-support';
export { repoRoot };
export const classesDir = join(repoRoot, 'force-app', 'main', 'default', 'classes');

/** The `main/default` folder of every package directory in sfdx-project.json. */
export const packageDefaultDirs: string[] = (
  JSON.parse(readFileSync(join(repoRoot, 'sfdx-project.json'), 'utf8')) as {
    packageDirectories: { path: string }[];
  }
).packageDirectories.map((d) => join(repoRoot, d.path, 'main', 'default'));

/** The classes folder of every package directory that has one. */
export const allClassesDirs: string[] = packageDefaultDirs
  .map((d) => join(d, 'classes'))
  .filter((d) => existsSync(d));

function walk(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path, ext));
    else if (name.endsWith(ext)) out.push(path);
  }
  return out;
}

/** Every file under a folder with the given ending, sorted, subfolders included. */
export function filesUnder(dir: string, ext: string): string[] {
  return walk(dir, ext);
}

const text = (t: ParseTree | null | undefined): string => (t ? t.getText() : '');

function terminals(tree: ParseTree, out: string[] = []): string[] {
  if (tree.children === undefined || tree.children === null) {
    const token = tree.symbol;
    if (token && token.type !== -1) out.push(token.text ?? '');
    return out;
  }
  for (const child of tree.children) terminals(child, out);
  return out;
}

function modifiersOf(list: ModifierContext[]): {
  modifiers: string[];
  annotations: string[];
  annotationTexts: string[];
} {
  const modifiers: string[] = [];
  const annotations: string[] = [];
  const annotationTexts: string[] = [];
  for (const m of list) {
    const a = m.annotation();
    if (a) {
      annotations.push(text(a.id()).toLowerCase());
      annotationTexts.push(terminals(a).join('').toLowerCase());
    } else modifiers.push(...terminals(m).map((t) => t.toLowerCase()));
  }
  return { modifiers, annotations, annotationTexts };
}

const typeOf = (t: TypeRefContext | null): string => text(t);

function parametersOf(p: FormalParametersContext): ApexParameter[] {
  const list = p.formalParameterList();
  if (!list) return [];
  return list.formalParameter_list().map((fp) => ({ name: text(fp.id()), type: typeOf(fp.typeRef()) }));
}

function classModel(
  decl: ClassDeclarationContext,
  mods: ModifierContext[],
  file: string,
  outer?: string
): ApexClass {
  const name = text(decl.id());
  const qualifiedName = outer ? `${outer}.${name}` : name;
  const cls: ApexClass = {
    name,
    qualifiedName,
    file,
    ...modifiersOf(mods),
    ...(decl.EXTENDS() ? { extends: typeOf(decl.typeRef()) } : {}),
    fields: [],
    methods: [],
    inner: []
  };
  for (const body of decl.classBody().classBodyDeclaration_list()) {
    const member = body.memberDeclaration();
    if (!member) continue;
    const m = modifiersOf(body.modifier_list());
    const field = member.fieldDeclaration();
    if (field) {
      for (const v of field.variableDeclarators().variableDeclarator_list()) {
        const expr: ExpressionContext | null = v.expression();
        cls.fields.push({
          kind: 'field',
          name: text(v.id()),
          type: typeOf(field.typeRef()),
          ...m,
          ...(expr ? { initializer: terminals(expr) } : {})
        });
      }
    }
    const prop = member.propertyDeclaration();
    if (prop)
      cls.fields.push({ kind: 'property', name: text(prop.id()), type: typeOf(prop.typeRef()), ...m });
    const method = member.methodDeclaration();
    if (method) {
      cls.methods.push({
        name: text(method.id()),
        type: method.VOID() ? 'void' : typeOf(method.typeRef()),
        ...m,
        parameters: parametersOf(method.formalParameters())
      });
    }
    const inner = member.classDeclaration();
    if (inner) cls.inner.push(classModel(inner, body.modifier_list(), file, qualifiedName));
  }
  return cls;
}

function parseSource(source: string, file: string, mode: number): ApexClass {
  const parser = ApexParserFactory.createParser(source);
  // ANTLR's two-stage parsing: SLL prediction first (fast), full LL only when SLL reports an error.
  (parser as unknown as { _interp: { predictionMode: number } })._interp.predictionMode = mode;
  parser.removeErrorListeners();
  parser.addErrorListener(new ThrowingErrorListener());
  const unit = parser.compilationUnit();
  const type = unit.typeDeclaration();
  const decl = type.classDeclaration();
  if (!decl) throw new Error('not a class');
  return classModel(decl, type.modifier_list(), relative(repoRoot, file));
}

const SLL = 0;
const LL = 1;
/** Bump when ApexClass changes shape, so cached models of the old shape are not read. */
const MODEL_VERSION = 3;
const cacheDir = join(tmpdir(), `apex-model-cache-${MODEL_VERSION}`);

/**
 * Parses one class file; a syntax error throws with the file named. Models are cached in the
 * temp folder by a hash of the source, so the test files do not each parse every class again.
 */
export function parseClassFile(file: string): ApexClass {
  const source = readFileSync(file, 'utf8');
  const key = createHash('sha256').update(relative(repoRoot, file)).update('\0').update(source).digest('hex');
  const cacheFile = join(cacheDir, `${key}.json`);
  if (existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, 'utf8')) as ApexClass;
  let model: ApexClass;
  try {
    model = parseSource(source, file, SLL);
  } catch {
    try {
      model = parseSource(source, file, LL);
    } catch (err) {
      throw new Error(`${relative(repoRoot, file)}: ${(err as Error).message}`);
    }
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(`${cacheFile}.${process.pid}`, JSON.stringify(model));
  renameSync(`${cacheFile}.${process.pid}`, cacheFile);
  return model;
}

/** The Apex classes, parsed on first use (parsing is the slow part). */
export class ApexProject {
  /** Class files by lower-case top-level class name. */
  readonly files = new Map<string, string>();
  private readonly parsed = new Map<string, ApexClass>();

  constructor(dirs: string | string[] = classesDir) {
    for (const file of (Array.isArray(dirs) ? dirs : [dirs]).flatMap((d) => filesUnder(d, '.cls'))) {
      const name = file.slice(file.lastIndexOf('/') + 1, -'.cls'.length);
      if (this.files.has(name.toLowerCase())) throw new Error(`two classes named ${name}: ${file}`);
      this.files.set(name.toLowerCase(), file);
    }
  }

  /** Top-level class names, as the files spell them. */
  get classNames(): string[] {
    return [...this.files.values()].map((f) => f.slice(f.lastIndexOf('/') + 1, -'.cls'.length));
  }

  /** A top-level or inner class (`DealScoringApi.Candidate`), or undefined when there is none. */
  find(name: string): ApexClass | undefined {
    const [top, ...inner] = name.split('.');
    const key = (top ?? '').toLowerCase();
    let cls = this.parsed.get(key);
    if (!cls) {
      const file = this.files.get(key);
      if (!file) return undefined;
      cls = parseClassFile(file);
      this.parsed.set(key, cls);
    }
    for (const part of inner) {
      cls = cls.inner.find((c) => c.name.toLowerCase() === part.toLowerCase());
      if (!cls) return undefined;
    }
    return cls;
  }
}

/** Every class under force-app/main/default/classes (or the folders given), recursively. */
export function loadApexProject(dirs: string | string[] = classesDir): ApexProject {
  return new ApexProject(dirs);
}

export function apexClass(project: ApexProject, name: string): ApexClass {
  const c = project.find(name);
  if (!c) throw new Error(`Apex class ${name} not found under force-app/main/default/classes`);
  return c;
}

export function field(cls: ApexClass, name: string): ApexField {
  const f = cls.fields.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!f) throw new Error(`${cls.qualifiedName}.${name} not found (${cls.file})`);
  return f;
}

export type ApexValue = string | number | boolean | null | ApexValue[];

/** Unquotes an Apex string literal. */
function unquote(token: string): string {
  return token.slice(1, -1).replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

/** Splits tokens at top-level commas. */
function splitTopLevel(tokens: string[]): string[][] {
  const parts: string[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t === '(' || t === '{' || t === '[' || t === '<') depth++;
    if (t === ')' || t === '}' || t === ']' || t === '>') depth--;
    if (t === ',' && depth === 0) parts.push([]);
    else parts[parts.length - 1]!.push(t);
  }
  return parts.filter((p) => p.length > 0);
}

/**
 * The value of a constant initializer: literals, references to constants of this or another class
 * (`SUBMITTED`, `DealVocabulary.STATUS_SUBMITTED`), and `new Set<String>{...}` / `new List<...>{...}`.
 * Anything else throws, so a check never silently compares against a value it could not read.
 */
export function evaluate(
  project: ApexProject,
  cls: ApexClass,
  tokens: string[],
  seen = new Set<string>()
): ApexValue {
  const where = `${cls.qualifiedName} (${cls.file}): ${tokens.join(' ')}`;
  if (tokens.length === 1) {
    const t = tokens[0]!;
    if (t.startsWith("'")) return unquote(t);
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
    if (/^\d+L$/i.test(t)) return Number(t.slice(0, -1));
    if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
    if (/^null$/i.test(t)) return null;
    return resolve(project, cls, [t], seen, where);
  }
  if (tokens[0]?.toLowerCase() === 'new' && tokens.at(-1) === '}') {
    const open = tokens.indexOf('{');
    if (open < 0) throw new Error(`cannot evaluate ${where}`);
    return splitTopLevel(tokens.slice(open + 1, -1)).map((part) => {
      // A map entry `key => value` evaluates to the pair [key, value].
      const arrow = part.indexOf('=>');
      if (arrow < 0) return evaluate(project, cls, part, seen);
      return [
        evaluate(project, cls, part.slice(0, arrow), seen),
        evaluate(project, cls, part.slice(arrow + 1), seen)
      ];
    });
  }
  if (tokens[0] === '-' && tokens.length === 2) return -Number(evaluate(project, cls, [tokens[1]!], seen));
  if (tokens.every((t, i) => (i % 2 === 1 ? t === '.' : /^[A-Za-z_]\w*$/.test(t)))) {
    return resolve(
      project,
      cls,
      tokens.filter((t) => t !== '.'),
      seen,
      where
    );
  }
  throw new Error(`cannot evaluate ${where}`);
}

function resolve(
  project: ApexProject,
  cls: ApexClass,
  path: string[],
  seen: Set<string>,
  where: string
): ApexValue {
  const name = path.at(-1)!;
  const owner = path.length === 1 ? cls : apexClass(project, path.slice(0, -1).join('.'));
  const key = `${owner.qualifiedName}.${name}`.toLowerCase();
  if (seen.has(key)) throw new Error(`circular constant ${where}`);
  const f = owner.fields.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!f?.initializer) throw new Error(`cannot evaluate ${where}: ${key} is not a constant`);
  return evaluate(project, owner, f.initializer, new Set([...seen, key]));
}

/** The value of a constant field of a class. */
export function constant(project: ApexProject, className: string, fieldName: string): ApexValue {
  const cls = apexClass(project, className);
  const f = field(cls, fieldName);
  if (!f.initializer) throw new Error(`${cls.qualifiedName}.${fieldName} has no initializer (${cls.file})`);
  return evaluate(project, cls, f.initializer);
}
