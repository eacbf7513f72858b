import { readFileSync } from 'node:fs';
import { checkSoqlText } from '../soql-references.mjs';

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
    const { report, isKnownObject, projectObject, checkFieldRef, lookupTarget } = ctx;
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
        checkSoqlText(ctx, file, where(m.index), originalQuery);
      }
    }
    // Dynamic SOQL written as one literal or a chain of literals joined by + ('SELECT ... ' + 'FROM ...').
    function checkDynamicSoql(file, code, where) {
      const literals = [...code.matchAll(/'((?:\\.|[^'\\])*)'/g)];
      let chain = [];
      const flush = () => {
        const text = chain.map((m) => m[1].replace(/\\(.)/g, '$1')).join('');
        if (/^\s*SELECT\b[\s\S]*\bFROM\s+\w+/i.test(text))
          checkSoqlText(ctx, file, `${where(chain[0].index)} (dynamic)`, text);
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
