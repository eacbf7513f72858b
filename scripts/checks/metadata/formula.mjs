// Field references in a formula (validation rules, workflow rules and field updates): every
// `Field__c` and `Rel__r.Field__c` exists, and ISPICKVAL literals are values of the picklist.
export function checkFormula(ctx, file, obj, formula, where = 'formula') {
  const noStrings = formula.replace(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'/g, '""');
  for (const m of noStrings.matchAll(/(?<![.$\w])((?:\w+__r\.)*)(\w+__c)\b/g)) {
    let current = obj;
    for (const rel of m[1].split('.').filter(Boolean)) {
      current = ctx.lookupTarget(current, rel);
      if (!current) {
        ctx.report(file, `${where}: unknown relationship ${rel} on ${obj}`);
        return;
      }
    }
    ctx.checkFieldRef(file, where, current, m[2]);
  }
  for (const m of formula.matchAll(/ISPICKVAL\(\s*(\w+__c)\s*,\s*['"]([^'"]*)['"]\s*\)/g)) {
    ctx.checkPicklistValue(file, `${where} ISPICKVAL`, obj, m[1], m[2]);
  }
}
