// Enumerated values of the Metadata API, read from @salesforce/types (the Metadata API WSDL as
// TypeScript types, the package the Salesforce CLI's source-deploy-retrieve depends on). Its
// `lib/metadata.d.ts` is parsed with the TypeScript compiler: every `type X = 'a' | 'b'` is an
// enumeration, every object type gives its properties' types, so a rule can walk a metadata file
// and know which elements hold an enumerated value and which values are allowed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';

const require = createRequire(import.meta.url);

let cached;

/** { enums: Map<alias, Set<value>>, types: Map<type, Map<prop, alias>>, source } */
export function metadataTypes() {
  if (cached) return cached;
  const lib = dirname(require.resolve('@salesforce/types/metadata'));
  const file = join(lib, 'metadata.d.ts');
  const pkg = join(lib, '..', 'package.json');
  const { version } = JSON.parse(readFileSync(pkg, 'utf8'));
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const enums = new Map();
  const objectTypes = new Map(); // type → { props: Map(prop → referenced type name), bases: [] }
  const refName = (node) => {
    if (!node) return undefined;
    if (ts.isArrayTypeNode(node)) return refName(node.elementType);
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) return node.typeName.text;
    return undefined;
  };
  const members = (literal) => {
    const props = new Map();
    for (const m of literal.members) {
      if (ts.isPropertySignature(m) && m.name && ts.isIdentifier(m.name)) {
        const r = refName(m.type);
        if (r) props.set(m.name.text, r);
      }
    }
    return props;
  };
  for (const stmt of sf.statements) {
    if (!ts.isTypeAliasDeclaration(stmt)) continue;
    const name = stmt.name.text;
    const t = stmt.type;
    if (
      ts.isUnionTypeNode(t) &&
      t.types.every((u) => ts.isLiteralTypeNode(u) && ts.isStringLiteral(u.literal))
    ) {
      enums.set(name, new Set(t.types.map((u) => u.literal.text)));
    } else if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)) {
      enums.set(name, new Set([t.literal.text]));
    } else if (ts.isTypeLiteralNode(t)) {
      objectTypes.set(name, { props: members(t), bases: [] });
    } else if (ts.isIntersectionTypeNode(t)) {
      const entry = { props: new Map(), bases: [] };
      for (const part of t.types) {
        if (ts.isTypeLiteralNode(part)) for (const [k, v] of members(part)) entry.props.set(k, v);
        else if (refName(part)) entry.bases.push(refName(part));
      }
      objectTypes.set(name, entry);
    }
  }
  const types = new Map();
  const resolve = (name, seen = new Set()) => {
    if (types.has(name)) return types.get(name);
    const entry = objectTypes.get(name);
    if (!entry || seen.has(name)) return undefined;
    seen.add(name);
    const props = new Map();
    for (const b of entry.bases) for (const [k, v] of resolve(b, seen) ?? []) props.set(k, v);
    for (const [k, v] of entry.props) props.set(k, v);
    types.set(name, props);
    return props;
  };
  for (const name of objectTypes.keys()) resolve(name);
  cached = { enums, types, source: `@salesforce/types ${version} (Metadata API WSDL)` };
  return cached;
}
