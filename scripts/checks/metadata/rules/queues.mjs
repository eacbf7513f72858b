import { childText, childrenNamed, findAll, textOf } from '../project.mjs';

export default {
  name: 'queues',
  description: 'queues: the objects they hold and their member groups exist',
  run(ctx) {
    for (const [file, r] of ctx.byType('Queue')) {
      for (const qs of childrenNamed(r, 'queueSobject')) {
        const o = childText(qs, 'sobjectType');
        if (!ctx.isKnownObject(o)) ctx.report(file, `queueSobject: unknown object ${o}`);
      }
      for (const g of findAll(r, 'publicGroup')) {
        if (!ctx.groups.has(textOf(g))) ctx.report(file, `queue member: unknown public group ${textOf(g)}`);
      }
    }
  }
};
