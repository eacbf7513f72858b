import { basename } from 'node:path';
import { childText, childrenNamed, findAll } from '../project.mjs';
import { checkFormula } from '../formula.mjs';
import { checkCriteriaItems } from './approval-processes.mjs';

export default {
  name: 'workflows',
  description:
    'workflow field updates: the field exists, a literal is a value of the picklist (or a checkbox takes ' +
    'no literal), a lookup value names a queue of the object, formulas name existing fields; email ' +
    'alerts: the template and recipient groups/roles exist; rules: criteria and actions exist',
  run(ctx) {
    const { report } = ctx;
    for (const [file, r] of ctx.byType('Workflow')) {
      const obj = basename(file).replace('.workflow-meta.xml', '');
      if (!ctx.isKnownObject(obj)) {
        report(file, `workflow of unknown object ${obj}`);
        continue;
      }
      for (const fu of childrenNamed(r, 'fieldUpdates')) {
        const where = `fieldUpdates ${childText(fu, 'fullName')}`;
        const target = childText(fu, 'targetObject') ?? obj;
        const field = childText(fu, 'field');
        if (!field || !ctx.checkFieldRef(file, where, target, field)) continue;
        const operation = childText(fu, 'operation');
        const f = ctx.projectObject(target)?.fields.get(field);
        if (operation === 'Literal') {
          const literal = childText(fu, 'literalValue');
          const pl = ctx.picklist(target, field);
          if (pl && literal !== undefined && !pl.values.includes(literal)) {
            report(file, `${where}: literalValue "${literal}" is not a value of picklist ${target}.${field}`);
          }
          if (f && !['Picklist', 'MultiselectPicklist'].includes(f.type)) {
            report(
              file,
              `${where}: a Literal update needs a picklist field; ${target}.${field} is ${f.type}`
            );
          }
        }
        if (operation === 'Formula')
          checkFormula(ctx, file, target, childText(fu, 'formula') ?? '', `${where} formula`);
        if (operation === 'LookupValue') {
          const value = childText(fu, 'lookupValue');
          if (childText(fu, 'lookupValueType') === 'Queue' && value) {
            if (!ctx.queues.has(value)) report(file, `${where}: unknown queue ${value}`);
            else if (!ctx.queues.get(value).includes(target))
              report(file, `${where}: queue ${value} does not hold ${target}`);
          }
        }
        if (['NextValue', 'PreviousValue'].includes(operation) && f && f.type !== 'Picklist') {
          report(file, `${where}: ${operation} needs a picklist field; ${target}.${field} is ${f.type}`);
        }
      }
      for (const alert of childrenNamed(r, 'alerts')) {
        const where = `alerts ${childText(alert, 'fullName')}`;
        const template = childText(alert, 'template');
        if (template && !ctx.emailTemplates.has(template))
          report(file, `${where}: email template ${template} not found (email/)`);
        for (const rc of childrenNamed(alert, 'recipients')) {
          const type = childText(rc, 'type');
          const name = childText(rc, 'recipient');
          if (type === 'group' && !ctx.groups.has(name))
            report(file, `${where}: unknown public group ${name}`);
          if (
            ['role', 'roleSubordinates', 'roleSubordinatesInternal'].includes(type) &&
            !ctx.roles.has(name)
          ) {
            report(file, `${where}: unknown role ${name}`);
          }
          if (type === 'user') report(file, `${where}: user ${name} exists in one org only`);
          if (['userLookup', 'contactLookup', 'email'].includes(type) && name?.endsWith('__c')) {
            ctx.checkFieldRef(file, where, obj, name);
          }
        }
      }
      const defined = new Set(
        ['fieldUpdates', 'alerts', 'tasks', 'outboundMessages'].flatMap((s) =>
          childrenNamed(r, s).map((d) => `${s}:${childText(d, 'fullName')}`)
        )
      );
      const sectionOf = {
        FieldUpdate: 'fieldUpdates',
        Alert: 'alerts',
        Task: 'tasks',
        OutboundMessage: 'outboundMessages'
      };
      for (const rule of childrenNamed(r, 'rules')) {
        const where = `rules ${childText(rule, 'fullName')}`;
        checkCriteriaItems(ctx, file, obj, rule, where);
        const formula = childText(rule, 'formula');
        if (formula) checkFormula(ctx, file, obj, formula, `${where} formula`);
        for (const a of findAll(rule, 'actions')) {
          const section = sectionOf[childText(a, 'type')];
          if (section && !defined.has(`${section}:${childText(a, 'name')}`)) {
            report(file, `${where}: action ${childText(a, 'type')} ${childText(a, 'name')} not found`);
          }
        }
      }
      for (const t of childrenNamed(r, 'tasks')) {
        const assignedTo = childText(t, 'assignedTo');
        if (childText(t, 'assignedToType') === 'user' && assignedTo) {
          report(file, `tasks ${childText(t, 'fullName')}: user ${assignedTo} exists in one org only`);
        }
      }
    }
  }
};
