import { childText, childrenNamed, textOf } from '../project.mjs';

export default {
  name: 'list-views',
  description:
    'list views: columns and filter fields exist, picklist filter values are values of the picklist',
  run(ctx) {
    for (const [file, r] of ctx.byType('ListView')) {
      const obj = ctx.objectOf(file);
      for (const col of childrenNamed(r, 'columns')) {
        const c = textOf(col);
        if (!/^[A-Z_.]+$/.test(c)) ctx.checkFieldRef(file, `listView column`, obj, c);
      }
      for (const f of childrenNamed(r, 'filters')) {
        const field = childText(f, 'field');
        if (/^[A-Z_.]+$/.test(field)) continue;
        if (ctx.checkFieldRef(file, `listView filter`, obj, field)) {
          ctx.checkPicklistValue(file, `listView filter ${field}`, obj, field, childText(f, 'value') ?? '');
        }
      }
    }
  }
};
