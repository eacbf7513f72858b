// The field and relationship references of one SOQL text (select list, filters, sub-queries), checked
// against the project's objects: static SOQL and dynamic literals (apex-references) and dynamic
// queries built from field-list constants (queried-fields) share it.

/**
 * Reports unknown objects, fields and relationships named by `query`.
 * @param ctx the metadata check context (report, isKnownObject, checkFieldRef, lookupTarget, childRelationship)
 */
export function checkSoqlText(ctx, file, where, query) {
  const { report, isKnownObject, checkFieldRef, lookupTarget, childRelationship } = ctx;
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
