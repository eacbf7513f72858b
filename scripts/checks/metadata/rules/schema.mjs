import { basename } from 'node:path';
import { childText, elementChildren, expectedType, textOf } from '../project.mjs';
import { API_VERSION, NOT_REQUIRED_IN_SOURCE, PRIMITIVES, parseProp, schemaFor } from '../schema.mjs';

export default {
  name: 'schema',
  description:
    'every -meta.xml is well-formed, its root element is the type its suffix says, every element is a ' +
    'property of its Metadata API type (recursively), required properties are present, booleans and ' +
    `numbers are well formed, apiVersion is ${API_VERSION}`,
  run(ctx) {
    const { report } = ctx;
    function checkElement(file, node, type, path) {
      const props = schemaFor(type);
      if (!props) {
        report(file, `${path}: no schema for type ${type}`);
        return;
      }
      const seen = new Map();
      for (const c of elementChildren(node)) {
        const spec = props[c.name];
        if (!spec) {
          report(file, `${path}: unknown element <${c.name}> (not a property of ${type})`);
          continue;
        }
        const p = parseProp(spec);
        seen.set(c.name, (seen.get(c.name) ?? 0) + 1);
        if (!p.array && seen.get(c.name) === 2) report(file, `${path}: <${c.name}> may appear only once`);
        checkValue(file, c, p.type, `${path}/${c.name}`);
      }
      for (const [name, spec] of Object.entries(props)) {
        const p = parseProp(spec);
        if (p.optional || name === 'fullName' || (NOT_REQUIRED_IN_SOURCE[type] ?? []).includes(name))
          continue;
        if (!seen.has(name)) report(file, `${path}: required element <${name}> missing (${type})`);
      }
    }
    function checkValue(file, node, type, path) {
      if (type === 'any') return;
      if (PRIMITIVES.has(type)) {
        if (elementChildren(node).length > 0) {
          report(file, `${path}: expected a ${type} value, found child elements`);
          return;
        }
        const v = textOf(node);
        if (type === 'boolean' && v !== 'true' && v !== 'false') {
          report(file, `${path}: expected true or false, found "${v}"`);
        }
        if (type === 'number' && !/^-?\d+(\.\d+)?$/.test(v))
          report(file, `${path}: expected a number, found "${v}"`);
        return;
      }
      checkElement(file, node, type, path);
    }

    for (const file of ctx.metaFiles) {
      if (ctx.parseErrors.has(file)) {
        report(file, `not well-formed XML: ${ctx.parseErrors.get(file)}`);
        continue;
      }
      const rootEl = ctx.parsed.get(file);
      const expected = expectedType(file);
      if (!expected) {
        report(file, `unknown metadata file suffix`);
        continue;
      }
      if (rootEl.name !== expected) {
        report(file, `root element <${rootEl.name}> but a ${basename(file)} file holds a ${expected}`);
        continue;
      }
      if (rootEl.attrs.xmlns !== 'http://soap.sforce.com/2006/04/metadata') {
        report(file, `root element needs xmlns="http://soap.sforce.com/2006/04/metadata"`);
      }
      checkElement(file, rootEl, expected, rootEl.name);
      const api = childText(rootEl, 'apiVersion');
      if (api !== undefined && api !== API_VERSION)
        report(file, `apiVersion ${api}, expected ${API_VERSION}`);
    }
  }
};
