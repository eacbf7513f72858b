import { readFileSync } from 'node:fs';

// Regular-expression reading of Apex source, kept because it also reads dynamic SOQL written as
// string literals, which no parser sees as a query. apex-ls resolves static references as well;
// this rule is the offline check that runs in the same pass as the metadata.
export default {
  name: 'apex-references',
  description:
    'Apex: triggers are on known objects; Obj__c.Field__c tokens, typed variables (var.Field__c, ' +
    'var.Rel__r.Field__c), new Obj__c(Field__c = ...) constructors, static SOQL (select list, filters, ' +
    'sub-queries) and dynamic SOQL written as literals name existing fields and relationships',
  run(ctx) {
    const { report, isKnownObject, projectObject, checkFieldRef, lookupTarget, childRelationship } = ctx;
    for (const file of [...ctx.classFiles, ...ctx.triggerFiles]) {
      checkApex(file, readFileSync(file, 'utf8'));
    }
    function checkApex(file, source) {
      const code = stripApexComments(source);
      const lineOf = (idx) => code.slice(0, idx).split('\n').length;
      const where = (idx) => `line ${lineOf(idx)}`;
      const trig = /^\s*trigger\s+\w+\s+on\s+(\w+)\s*\(/i.exec(code);
      if (trig && !isKnownObject(trig[1])) report(file, `trigger on unknown object ${trig[1]}`);
      // Obj__c.Field__c and Schema.SObjectType.Obj__c.fields.Field__c tokens.
      const literalFree = code.replace(/'(?:\\.|[^'\\])*'/g, (s) => ' '.repeat(s.length));
      for (const m of literalFree.matchAll(/(?<![\w.])(\w+__(?:c|e|mdt))\.(?:fields\.)?(\w+__c)\b/g)) {
        if (projectObject(m[1])?.root) checkFieldRef(file, where(m.index), m[1], m[2]);
      }
      // new Obj__c(Field__c = ..., ...) constructors.
      for (const m of literalFree.matchAll(/\bnew\s+(\w+__(?:c|e|mdt))\s*\(/g)) {
        if (!projectObject(m[1])?.root) continue;
        const open = m.index + m[0].length - 1;
        const close = matchingParen(literalFree, open);
        const args = literalFree.slice(open + 1, close < 0 ? undefined : close);
        let depth = 0;
        let topLevel = '';
        for (const ch of args) {
          if ('([{'.includes(ch)) depth++;
          else if (')]}'.includes(ch)) depth--;
          else if (depth === 0) topLevel += ch;
        }
        for (const a of topLevel.matchAll(/(?:^|,)\s*(\w+)\s*=(?!=)/g)) {
          if (a[1].endsWith('__c') || a[1].endsWith('__r'))
            checkFieldRef(file, where(m.index), m[1], a[1].replace(/__r$/, '__c'));
        }
      }
      // Variables declared with an SObject type of the project: var.Field__c, var.Rel__r.Field__c.
      const varTypes = new Map();
      const ambiguous = new Set();
      for (const m of literalFree.matchAll(/(?<![\w.<])(\w+__(?:c|e|mdt))\s+(\w+)\s*(?=[=;:,)])/g)) {
        if (!projectObject(m[1])?.root) continue;
        if (varTypes.has(m[2]) && varTypes.get(m[2]) !== m[1]) ambiguous.add(m[2]);
        varTypes.set(m[2], m[1]);
      }
      for (const m of literalFree.matchAll(/(?<![\w.])(\w+)((?:\.\w+__r)*)\.(\w+__c)\b/g)) {
        const type = varTypes.get(m[1]);
        if (!type || ambiguous.has(m[1])) continue;
        let current = type;
        let ok = true;
        for (const rel of m[2].split('.').filter(Boolean)) {
          const target = lookupTarget(current, rel);
          if (!target) {
            report(file, `${where(m.index)}: unknown relationship ${current}.${rel}`);
            ok = false;
            break;
          }
          current = target;
        }
        if (ok) checkFieldRef(file, where(m.index), current, m[3]);
      }
      checkDynamicSoql(file, code, where);
      // Static SOQL.
      for (const m of literalFree.matchAll(/\[\s*SELECT\b/gi)) {
        const start = m.index + m[0].length - 'SELECT'.length;
        const end = matchingBracket(literalFree, m.index);
        if (end < 0) continue;
        const originalQuery = code.slice(start, end);
        checkSoql(file, where(m.index), originalQuery);
      }
    }
    // Dynamic SOQL written as one literal or a chain of literals joined by + ('SELECT ... ' + 'FROM ...').
    function checkDynamicSoql(file, code, where) {
      const literals = [...code.matchAll(/'((?:\\.|[^'\\])*)'/g)];
      let chain = [];
      const flush = () => {
        const text = chain.map((m) => m[1].replace(/\\(.)/g, '$1')).join('');
        if (/^\s*SELECT\b[\s\S]*\bFROM\s+\w+/i.test(text))
          checkSoql(file, `${where(chain[0].index)} (dynamic)`, text);
        chain = [];
      };
      literals.forEach((m, i) => {
        const prev = literals[i - 1];
        const joined = prev && /^\s*\+\s*$/.test(code.slice(prev.index + prev[0].length, m.index));
        if (!joined && chain.length > 0) flush();
        chain.push(m);
      });
      if (chain.length > 0) flush();
    }

    function checkSoql(file, where, query) {
      const q = query.replace(/'(?:\\.|[^'\\])*'/g, "''");
      // Sub-queries: (SELECT ... FROM ChildRelationship__r ...)
      const subs = [];
      let top = '';
      let depth = 0;
      let buf = '';
      for (let i = 0; i < q.length; i++) {
        const ch = q[i];
        if (ch === '(') {
          if (depth === 0) buf = '';
          depth++;
          if (depth === 1) continue;
        }
        if (ch === ')') {
          depth--;
          if (depth === 0) {
            if (/^\s*SELECT\b/i.test(buf)) {
              subs.push(buf);
              top += ' __SUBQUERY__ ';
            } else top += `(${buf})`;
            continue;
          }
        }
        if (depth > 0) buf += ch;
        else top += ch;
      }
      const fm = /^\s*SELECT\s+([\s\S]*?)\s+FROM\s+(\w+)([\s\S]*)$/i.exec(top);
      if (!fm) return;
      const [, selectList, obj, rest] = fm;
      if (!isKnownObject(obj)) {
        if (/__(c|e|mdt)$/.test(obj)) report(file, `${where}: SOQL FROM unknown object ${obj}`);
        return;
      }
      const checkPath = (path, context) => {
        const parts = path.split('.');
        let current = obj;
        for (const rel of parts.slice(0, -1)) {
          if (!rel.endsWith('__r')) return; // standard relationship (Owner, Account...): not checkable offline
          const target = lookupTarget(current, rel);
          if (!target) {
            report(file, `${where}: SOQL ${context}: unknown relationship ${current}.${rel}`);
            return;
          }
          current = target;
        }
        const last = parts[parts.length - 1];
        if (last.endsWith('__c')) checkFieldRef(file, `${where}: SOQL ${context}`, current, last);
      };
      for (const item of selectList.split(',').map((s) => s.trim())) {
        const inner = /^\w+\(\s*([\w.]+)\s*\)/.exec(item);
        const path = (inner ? inner[1] : item).split(/\s+/)[0];
        if (/^[\w.]+$/.test(path) && path !== '__SUBQUERY__') checkPath(path, 'select');
      }
      const clauses = stripBinds(rest);
      for (const m of clauses.matchAll(/(?<![\w.:])((?:\w+__r\.)*\w+__c)\b/g)) checkPath(m[1], 'filter');
      for (const sub of subs) {
        const sm = /^\s*SELECT\s+([\s\S]*?)\s+FROM\s+(\w+)/i.exec(sub);
        if (!sm) continue;
        const [, list, relName] = sm;
        if (!relName.endsWith('__r')) continue;
        const childObj = childRelationship(obj, relName);
        if (!childObj) {
          report(file, `${where}: SOQL sub-query: ${obj} has no child relationship ${relName}`);
          continue;
        }
        for (const item of list.split(',').map((s) => s.trim().split(/\s+/)[0])) {
          if (/^\w+__c$/.test(item)) checkFieldRef(file, `${where}: SOQL sub-query`, childObj, item);
        }
      }
    }
  }
};

function stripApexComments(src) {
  // Replace comments by spaces (keeping line breaks) without touching string literals.
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== "'") j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j;
    } else if (ch === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') {
        out += ' ';
        i++;
      }
      out += '\n';
    } else if (ch === '/' && src[i + 1] === '*') {
      const j = src.indexOf('*/', i + 2);
      const end = j < 0 ? src.length : j + 2;
      out += src.slice(i, end).replace(/[^\n]/g, ' ');
      i = end - 1;
    } else out += ch;
  }
  return out;
}

/**
 * The clauses with every bind expression (`:name`, `:x.y()`, `:new Map<Id, Obj__c>(rows).keySet()`)
 * blanked, so type names and variables in a bind are not read as fields.
 */
function stripBinds(s) {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== ':') {
      out += s[i];
      continue;
    }
    let j = i + 1;
    while (j < s.length && /\s/.test(s[j])) j++;
    if (/^new\s/.test(s.slice(j, j + 4))) j += 4;
    // identifiers, dots and balanced <...>, (...) and [...] groups
    let depth = 0;
    for (; j < s.length; j++) {
      const ch = s[j];
      if ('<([{'.includes(ch)) depth++;
      else if ('>)]}'.includes(ch)) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && !/[\w.]/.test(ch)) break;
    }
    out += ' ';
    i = j - 1;
  }
  return out;
}

function matchingParen(s, open) {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function matchingBracket(s, open) {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '[') depth++;
    else if (s[i] === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
