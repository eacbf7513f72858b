// Apex syntax trees from the parser prettier-plugin-apex ships (the jorje parser Salesforce uses,
// as the native `apex-ast-serializer` binary, or its Java build where no binary exists for the
// platform). Trees are cached by content under node_modules/.cache/apex-ast, so a second run only
// parses changed files.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../..', import.meta.url));
const CACHE = join(root, 'node_modules', '.cache', 'apex-ast');

function serializer() {
  const platform = `${process.platform}-${process.arch}`;
  try {
    return {
      cmd: require.resolve(`@prettier-apex/apex-ast-serializer-${platform}/apex-ast-serializer-${platform}`),
      version: require('@prettier-apex/apex-ast-serializer-' + platform + '/package.json').version
    };
  } catch {
    const plugin = dirname(require.resolve('prettier-plugin-apex/package.json'));
    const cmd = join(plugin, 'vendor', 'apex-ast-serializer', 'bin', 'apex-ast-serializer');
    if (!existsSync(cmd))
      throw new Error('no Apex parser: prettier-plugin-apex is not installed (run npm ci)');
    return { cmd, version: require('prettier-plugin-apex/package.json').version };
  }
}

function parseOne(cmd, source) {
  return new Promise((resolvePromise, reject) => {
    const p = spawn(cmd, [], { env: { ...process.env, DEBUG: '' } });
    let out = '';
    let err = '';
    p.stdout.on('data', (c) => (out += c));
    p.stderr.on('data', (c) => (err += c));
    p.on('error', (e) => reject(new Error(`Apex parser did not start (${cmd}): ${e.message}`)));
    p.on('close', (code) =>
      code === 0 ? resolvePromise(out) : reject(new Error(`Apex parser exited ${code}: ${err || out}`))
    );
    p.stdin.end(source);
  });
}

const memory = new Map();

// Version of the compact tree format below (part of the cache key).
const FORMAT = 1;

/** Drops what the rules never read: locations become a `line`, classes lose their package. */
function compact(node) {
  if (Array.isArray(node)) return node.map(compact);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'loc' || k === 'location') {
      if (v && typeof v.line === 'number') out.line = v.line;
    } else if (k === '@class' && typeof v === 'string') out[k] = v.slice(v.lastIndexOf('.') + 1);
    else out[k] = compact(v);
  }
  return out;
}

/**
 * Parses Apex files (four at a time). Returns Map(file → { source, unit, errors }) where `unit` is
 * the jorje CompilationUnit and `errors` the parser's messages.
 */
export async function parseApexFiles(files) {
  const { cmd, version } = serializer();
  mkdirSync(CACHE, { recursive: true });
  const result = new Map();
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const source = readFileSync(file, 'utf8');
      const key = createHash('sha256').update(`${FORMAT}\0${version}\0${source}`).digest('hex');
      const cached = join(CACHE, `${key}.json`);
      let out = memory.get(key);
      if (out) {
        // Parsed earlier in this process (another source directory with the same file).
      } else if (existsSync(cached)) out = JSON.parse(readFileSync(cached, 'utf8'));
      else {
        out = compact(
          JSON.parse(await parseOne(cmd, source))['apex.jorje.semantic.compiler.parser.ParserOutput']
        );
        writeFileSync(cached, JSON.stringify(out));
      }
      memory.set(key, out);
      result.set(file, {
        source,
        unit: out.unit,
        errors: [...(out.parseErrors ?? []), ...(out.internalErrors ?? [])].map(
          (e) => e.message ?? JSON.stringify(e)
        )
      });
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return result;
}

/** The node's class without the package: "Expr$MethodCallExpr", "Stmnt$DmlInsertStmnt"... */
export function kind(node) {
  const c = node?.['@class'];
  return typeof c === 'string' ? c.slice(c.lastIndexOf('.') + 1) : undefined;
}

/** Optional values are serialized as { value } or {}. */
export function opt(v) {
  return v && typeof v === 'object' && 'value' in v && !('@class' in v) ? v.value : v;
}

/** The line of a node (its own or that of the first descendant that has one). */
export function lineOf(node) {
  const queue = [node];
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i];
    if (typeof n.line === 'number') return n.line;
    for (const v of Object.values(n)) if (v && typeof v === 'object') queue.push(v);
  }
  return undefined;
}

/** Identifier names of a names array ([{ value: "reg" }, { value: "Status__c" }] → ["reg", "Status__c"]). */
export function names(list) {
  return (list ?? []).map((n) => n.value);
}

/** Every object node below `node` (depth first, source order), `node` included. */
export function descendants(node) {
  const out = [];
  const visit = (n) => {
    if (Array.isArray(n)) {
      for (const x of n) if (x && typeof x === 'object') visit(x);
      return;
    }
    out.push(n);
    for (const v of Object.values(n)) if (v && typeof v === 'object') visit(v);
  };
  if (node && typeof node === 'object') visit(node);
  return out;
}

/** The type name a TypeRef stands for: "Deal_Registration__c"; List<X>/Set<X> give X as `element`. */
export function typeName(typeRef) {
  const t = opt(typeRef);
  if (!t || !t.names) return undefined;
  const ns = names(t.names);
  const last = ns.at(-1);
  const args = t.typeArguments ?? [];
  const element = ['List', 'Set'].includes(last) && args.length === 1 ? typeName(args[0])?.name : undefined;
  return { name: last, element };
}
