import { basename } from 'node:path';
import { childText, childrenNamed, findAll, textOf } from '../project.mjs';

export default {
  name: 'layouts',
  description:
    'page layouts: the object, every field, and every related list (its child object, the lookup that ' +
    'points back, its columns) exist',
  run(ctx) {
    const { report, checkFieldRef, lookupTarget, projectObject } = ctx;
    for (const [file, r] of ctx.byType('Layout')) {
      const obj = basename(file).split('-')[0];
      if (!ctx.isKnownObject(obj)) report(file, `layout for unknown object ${obj}`);
      for (const item of findAll(r, 'layoutItems')) {
        const field = childText(item, 'field');
        if (field) checkFieldRef(file, 'layoutItems', obj, field);
      }
      for (const rl of childrenNamed(r, 'relatedLists')) {
        const list = childText(rl, 'relatedList') ?? '';
        const m = /^(\w+)\.(\w+)$/.exec(list);
        if (!m) continue;
        const [, childObj, viaField] = m;
        if (checkFieldRef(file, `relatedList ${list}`, childObj, viaField)) {
          const target = lookupTarget(childObj, viaField);
          if (projectObject(childObj) && target !== obj) {
            report(file, `relatedList ${list}: ${childObj}.${viaField} does not point to ${obj}`);
          }
        }
        for (const col of childrenNamed(rl, 'fields')) {
          const c = textOf(col);
          if (c.endsWith('__c')) checkFieldRef(file, `relatedList ${list} column`, childObj, c);
        }
      }
    }
  }
};
