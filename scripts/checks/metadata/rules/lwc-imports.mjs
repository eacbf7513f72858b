import { existsSync, readFileSync } from 'node:fs';
import { sep } from 'node:path';
import ts from 'typescript';

/** `@salesforce/schema/Obj.Rel__r.Field` (or just `Obj`): the object, relationships and field exist. */
function checkSchemaImport(ctx, file, spec) {
  const parts = spec.split('.');
  let current = parts[0];
  if (!ctx.isKnownObject(current)) {
    ctx.report(file, `import @salesforce/schema/${spec}: unknown object ${current}`);
    return;
  }
  for (const rel of parts.slice(1, -1)) {
    if (!rel.endsWith('__r')) return; // standard relationship (Owner, Account...): not checkable offline
    const target = ctx.lookupTarget(current, rel);
    if (!target) {
      ctx.report(file, `import @salesforce/schema/${spec}: unknown relationship ${current}.${rel}`);
      return;
    }
    current = target;
  }
  if (parts.length > 1) ctx.checkFieldRef(file, `import @salesforce/schema/${spec}`, current, parts.at(-1));
}

export default {
  name: 'lwc-imports',
  description:
    'LWC sources (TypeScript, or JavaScript without a .ts beside it; read with the TypeScript parser): ' +
    'every @salesforce/schema object, relationship and field, @salesforce/label/c.* label, ' +
    '@salesforce/messageChannel, @salesforce/customPermission, @salesforce/resourceUrl and c/ component ' +
    'import exists in the project',
  run(ctx) {
    const sources = ctx.files.filter((f) => {
      if (!f.split(sep).includes('lwc') || f.endsWith('.d.ts')) return false;
      if (f.endsWith('.ts')) return true;
      return f.endsWith('.js') && !existsSync(f.replace(/\.js$/, '.ts'));
    });
    for (const file of sources) {
      const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      for (const { fileName } of info.importedFiles) {
        const m = /^@salesforce\/(\w+)\/(.+)$/.exec(fileName);
        const where = `import ${fileName}`;
        if (m) {
          const [, kind, rest] = m;
          if (kind === 'schema') checkSchemaImport(ctx, file, rest);
          else if (kind === 'label') {
            const lm = /^c\.(\w+)$/.exec(rest);
            if (!lm) ctx.report(file, `${where}: labels are imported as @salesforce/label/c.Name`);
            else if (!ctx.labels.has(lm[1])) ctx.report(file, `${where}: no custom label ${lm[1]} (labels/)`);
          } else if (kind === 'messageChannel') {
            if (!ctx.messageChannels.has(rest.replace(/__c$/, ''))) {
              ctx.report(file, `${where}: no message channel ${rest} (messageChannels/)`);
            }
          } else if (kind === 'customPermission') {
            if (!ctx.customPermissions.has(rest)) ctx.report(file, `${where}: no custom permission ${rest}`);
          } else if (kind === 'resourceUrl') {
            if (!ctx.staticResources.has(rest)) ctx.report(file, `${where}: no static resource ${rest}`);
          }
          continue;
        }
        const c = /^c\/(\w+)$/.exec(fileName);
        if (c && !ctx.lwcBundles.has(c[1])) ctx.report(file, `${where}: no component ${c[1]} in lwc/`);
      }
    }
  }
};
