import { basename } from 'node:path';
import { childText, childrenNamed, findAll, textOf } from '../project.mjs';

export default {
  name: 'sharing-rules',
  description:
    'sharing rules: the object, criteria fields and picklist values, and the groups shared to exist',
  run(ctx) {
    const { report } = ctx;
    for (const [file, r] of ctx.byType('SharingRules')) {
      const obj = basename(file).replace('.sharingRules-meta.xml', '');
      if (!ctx.isKnownObject(obj)) report(file, `sharing rules for unknown object ${obj}`);
      for (const rule of childrenNamed(r, 'sharingCriteriaRules')) {
        for (const ci of childrenNamed(rule, 'criteriaItems')) {
          const field = childText(ci, 'field');
          if (ctx.checkFieldRef(file, `sharing rule ${childText(rule, 'fullName')}`, obj, field)) {
            ctx.checkPicklistValue(
              file,
              `sharing rule criteria ${field}`,
              obj,
              field,
              childText(ci, 'value') ?? ''
            );
          }
        }
      }
      for (const rule of [
        ...childrenNamed(r, 'sharingCriteriaRules'),
        ...childrenNamed(r, 'sharingOwnerRules')
      ]) {
        for (const g of findAll(rule, 'group')) {
          if (!ctx.groups.has(textOf(g))) report(file, `sharing rule shares to unknown group ${textOf(g)}`);
        }
      }
    }
  }
};
