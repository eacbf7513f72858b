import { basename } from 'node:path';
import { child, childText, childrenNamed, findAll, textOf } from '../project.mjs';
import { checkFormula } from '../formula.mjs';

// Action types an approval process names and the workflow section that defines each.
const ACTION_SECTIONS = {
  FieldUpdate: 'fieldUpdates',
  Alert: 'alerts',
  Task: 'tasks',
  OutboundMessage: 'outboundMessages'
};

/**
 * Criteria items of approval processes and workflow rules: `Obj.Field` (or `Field`) exists on the
 * object, and picklist / checkbox values are values the field can take.
 */
export function checkCriteriaItems(ctx, file, obj, container, where) {
  for (const ci of childrenNamed(container, 'criteriaItems')) {
    const ref = childText(ci, 'field') ?? '';
    const parts = ref.split('.');
    const [owner, field] = parts.length === 2 ? parts : [obj, parts[0]];
    if (owner !== obj && parts.length === 2 && !ctx.isKnownObject(owner)) {
      ctx.report(file, `${where} criteria: unknown object ${owner}`);
      continue;
    }
    if (!ctx.checkFieldRef(file, `${where} criteria`, owner, field)) continue;
    const value = childText(ci, 'value');
    if (value === undefined) continue;
    ctx.checkPicklistValue(file, `${where} criteria ${field}`, owner, field, value);
    const f = ctx.projectObject(owner)?.fields.get(field);
    if (f?.type === 'Checkbox' && !/^(true|false)$/i.test(value)) {
      ctx.report(file, `${where} criteria ${field}: "${value}" is not True or False (Checkbox)`);
    }
  }
}

/** `user`-typed references name one org's username: deploying the package anywhere else fails. */
function checkPrincipal(ctx, file, where, type, name, obj) {
  switch (type) {
    case 'group':
      if (!ctx.groups.has(name)) ctx.report(file, `${where}: unknown public group ${name}`);
      break;
    case 'queue':
      if (!ctx.queues.has(name)) ctx.report(file, `${where}: unknown queue ${name}`);
      else if (obj && !ctx.queues.get(name).includes(obj)) {
        ctx.report(file, `${where}: queue ${name} does not hold ${obj} (queueSobject)`);
      }
      break;
    case 'role':
    case 'roleSubordinates':
    case 'roleSubordinatesInternal':
      if (!ctx.roles.has(name)) ctx.report(file, `${where}: unknown role ${name}`);
      break;
    case 'user':
      ctx.report(
        file,
        `${where}: user ${name} exists in one org only; use a queue, group or related user field`
      );
      break;
    case 'userHierarchyField':
    case 'relatedUserField':
      if (name && ctx.checkFieldRef(file, where, obj, name)) {
        const f = ctx.projectObject(obj)?.fields.get(name);
        if (f && childText(f.root, 'referenceTo') !== 'User') {
          ctx.report(file, `${where}: ${obj}.${name} is not a lookup to User`);
        }
      }
      break;
    default:
  }
}

export default {
  name: 'approval-processes',
  description:
    'approval processes: entry-criteria fields (process and steps) exist and their picklist/checkbox values ' +
    'are valid, approval page fields exist, approvers (queues holding the object, groups, roles, user ' +
    'fields) and allowed submitters exist, no approver is one org’s username, every action names a field ' +
    'update/alert/task of the object’s workflow, email templates exist',
  run(ctx) {
    const { report } = ctx;
    const workflows = new Map(
      ctx.byType('Workflow').map(([file, r]) => [basename(file).replace('.workflow-meta.xml', ''), r])
    );
    for (const [file, r] of ctx.byType('ApprovalProcess')) {
      const obj = basename(file).split('.')[0];
      if (!ctx.isKnownObject(obj)) {
        report(file, `approval process on unknown object ${obj}`);
        continue;
      }
      const entry = child(r, 'entryCriteria');
      if (entry) {
        checkCriteriaItems(ctx, file, obj, entry, 'entryCriteria');
        const formula = childText(entry, 'formula');
        if (formula) checkFormula(ctx, file, obj, formula, 'entryCriteria formula');
      }
      for (const f of findAll(child(r, 'approvalPageFields') ?? { children: [] }, 'field')) {
        const name = textOf(f);
        // Standard fields appear by their relationship name (Owner, CreatedBy): only custom ones are checkable.
        if (name.endsWith('__c')) ctx.checkFieldRef(file, 'approvalPageFields', obj, name);
      }
      for (const s of childrenNamed(r, 'allowedSubmitters')) {
        const type = childText(s, 'type');
        const name = childText(s, 'submitter');
        if (name) checkPrincipal(ctx, file, `allowedSubmitters ${type}`, type, name, obj);
      }
      const nextApprover = child(r, 'nextAutomatedApprover');
      const hierarchyField = nextApprover && childText(nextApprover, 'userHierarchyField');
      if (hierarchyField) {
        checkPrincipal(ctx, file, 'nextAutomatedApprover', 'userHierarchyField', hierarchyField, obj);
      }
      const template = childText(r, 'emailTemplate');
      if (template && !ctx.emailTemplates.has(template))
        report(file, `emailTemplate ${template} not found (email/)`);
      for (const step of childrenNamed(r, 'approvalStep')) {
        const where = `approvalStep ${childText(step, 'name')}`;
        const stepEntry = child(step, 'entryCriteria');
        if (stepEntry) {
          checkCriteriaItems(ctx, file, obj, stepEntry, where);
          const formula = childText(stepEntry, 'formula');
          if (formula) checkFormula(ctx, file, obj, formula, `${where} formula`);
        }
        for (const a of findAll(child(step, 'assignedApprover') ?? { children: [] }, 'approver')) {
          const type = childText(a, 'type');
          checkPrincipal(ctx, file, `${where} approver ${type}`, type, childText(a, 'name'), obj);
        }
        if (
          childText(step, 'ifCriteriaNotMet') === 'GotoNextStep' &&
          step === childrenNamed(r, 'approvalStep').at(-1)
        ) {
          report(file, `${where}: ifCriteriaNotMet GotoNextStep on the last step`);
        }
      }
      // Actions: the field updates, alerts, tasks and outbound messages of this object's workflow.
      const wf = workflows.get(obj);
      for (const action of findAll(r, 'action')) {
        const type = childText(action, 'type');
        const name = childText(action, 'name');
        const section = ACTION_SECTIONS[type];
        if (!section) continue;
        const defined = wf && childrenNamed(wf, section).some((d) => childText(d, 'fullName') === name);
        if (!defined) report(file, `action ${type} ${name} not found in workflows/${obj}.workflow-meta.xml`);
      }
    }
  }
};
