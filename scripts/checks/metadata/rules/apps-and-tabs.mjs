import { basename } from 'node:path';
import { childText, childrenNamed, findAll, textOf } from '../project.mjs';

export default {
  name: 'apps-and-tabs',
  description:
    'apps: tabs, console mappings, action overrides and their Lightning pages exist; tabs: the object, ' +
    'Lightning page or component they show exists and each has a motif',
  run(ctx) {
    const { report } = ctx;
    for (const [file, r] of ctx.byType('CustomApplication')) {
      const appTabs = childrenNamed(r, 'tabs').map(textOf);
      for (const t of appTabs) if (!ctx.tabExists(t)) report(file, `app tab: unknown tab ${t}`);
      for (const m of findAll(r, 'mappings')) {
        const t = childText(m, 'tab');
        if (!appTabs.includes(t)) report(file, `workspaceConfig mapping for tab ${t} that is not in <tabs>`);
      }
      for (const o of childrenNamed(r, 'actionOverrides')) {
        const target = childText(o, 'pageOrSobjectType');
        if (target && !ctx.isKnownObject(target) && !target.startsWith('standard-')) {
          report(file, `actionOverrides: unknown object ${target}`);
        }
        const content = childText(o, 'content');
        if (childText(o, 'type') === 'Flexipage' && content && !ctx.flexipages.has(content)) {
          report(file, `actionOverrides: Lightning page ${content} not found`);
        }
      }
      if (childText(r, 'navType') === 'Console') {
        for (const t of appTabs) {
          if (!findAll(r, 'mappings').some((m) => childText(m, 'tab') === t)) {
            report(file, `console app: tab ${t} needs a workspaceConfig mapping`);
          }
        }
      }
    }
    for (const [file, r] of ctx.byType('CustomTab')) {
      const name = basename(file).replace('.tab-meta.xml', '');
      if (childText(r, 'customObject') === 'true' && !ctx.projectObject(name)?.root) {
        report(file, `custom object tab for unknown object ${name}`);
      }
      const fp = childText(r, 'flexiPage');
      if (fp && !ctx.flexipages.has(fp)) report(file, `tab flexiPage ${fp} not found`);
      const lwc = childText(r, 'lwcComponent');
      if (lwc && !ctx.lwcBundles.has(lwc)) report(file, `tab lwcComponent ${lwc} not found`);
      if (!childText(r, 'motif')) report(file, `tab needs a <motif>`);
    }
  }
};
