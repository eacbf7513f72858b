import { basename } from 'node:path';
import { childText, childrenNamed } from '../project.mjs';

// Project invariants: the audit log is append-only, and partners never see internal AI fields.
const APPEND_ONLY = ['AI_Audit_Log__c'];
const PARTNER_SET = 'Deal_Registration_Partner';
const PARTNER_FORBIDDEN =
  /^(AI_Recommendation__c|AI_Audit_Log__c)$|^Deal_Registration__c\.(AI_.*|Decision_Reason__c|Customer_Name_Key__c|Customer_Domain__c|Last_Scoring_Error__c|Latest_Recommendation__c|Potential_Conflict__c|Scoring_.*|Assigned_Reviewer__c)$/;

export default {
  name: 'permission-sets',
  description:
    'every field, object, tab, app, class, custom metadata type, custom permission and credential principal ' +
    'a permission set names exists; no field permissions on required or master-detail fields; access flags ' +
    'are consistent; nobody may edit the append-only audit log; partners see no internal fields; every ' +
    'custom field that can take field permissions is readable in at least one permission set',
  run(ctx) {
    const { report, projectObject, checkFieldRef, isKnownObject, objects } = ctx;
    const readable = new Set();
    for (const [, r] of ctx.byType('PermissionSet')) {
      for (const fp of childrenNamed(r, 'fieldPermissions'))
        if (childText(fp, 'readable') === 'true') readable.add(childText(fp, 'field'));
    }
    // A field no permission set grants is invisible to everyone but admins with Modify All Data:
    // user-mode queries that select it fail, which only an org's tests would show.
    for (const [obj, o] of objects) {
      if (/__(e|mdt)$/.test(obj)) continue;
      for (const [field, f] of o.fields) {
        if (!field.endsWith('__c') || f.type === 'MasterDetail' || childText(f.root, 'required') === 'true')
          continue;
        if (!readable.has(`${obj}.${field}`))
          report(f.file, `field ${obj}.${field} is readable in no permission set (add its fieldPermissions)`);
      }
    }
    for (const [file, r] of ctx.byType('PermissionSet')) {
      const ps = basename(file).replace('.permissionset-meta.xml', '');
      const seenFields = new Set();
      for (const fp of childrenNamed(r, 'fieldPermissions')) {
        const ref = childText(fp, 'field') ?? '';
        const [obj, field] = ref.split('.');
        if (seenFields.has(ref)) report(file, `fieldPermissions ${ref} listed twice`);
        seenFields.add(ref);
        if (!field) {
          report(file, `fieldPermissions "${ref}" is not Object.Field`);
          continue;
        }
        if (!checkFieldRef(file, `fieldPermissions`, obj, field)) continue;
        const f = projectObject(obj)?.fields.get(field);
        if (f && (f.type === 'MasterDetail' || childText(f.root, 'required') === 'true')) {
          report(
            file,
            `fieldPermissions ${ref}: required and master-detail fields cannot take field permissions`
          );
        }
        if (childText(fp, 'editable') === 'true' && childText(fp, 'readable') === 'false') {
          report(file, `fieldPermissions ${ref}: editable but not readable`);
        }
        if (ps === PARTNER_SET && PARTNER_FORBIDDEN.test(ref)) {
          report(file, `fieldPermissions ${ref}: internal field granted to partners`);
        }
        if (ps === PARTNER_SET && f && !childText(f.root, 'inlineHelpText')) {
          report(f.file, `field ${ref} is visible to partners and needs <inlineHelpText>`);
        }
      }
      for (const op of childrenNamed(r, 'objectPermissions')) {
        const obj = childText(op, 'object');
        if (!isKnownObject(obj)) report(file, `objectPermissions: unknown object ${obj}`);
        const flag = (n) => childText(op, n) === 'true';
        if (
          APPEND_ONLY.includes(obj) &&
          (flag('allowEdit') || flag('allowDelete') || flag('modifyAllRecords'))
        ) {
          report(
            file,
            `objectPermissions ${obj}: append-only object, no permission set may grant edit, delete or modify all`
          );
        }
        if (
          (flag('allowEdit') || flag('allowCreate') || flag('allowDelete') || flag('viewAllRecords')) &&
          !flag('allowRead')
        ) {
          report(file, `objectPermissions ${obj}: any access needs allowRead`);
        }
        if (flag('modifyAllRecords') && !(flag('allowDelete') && flag('viewAllRecords'))) {
          report(file, `objectPermissions ${obj}: modifyAllRecords needs allowDelete and viewAllRecords`);
        }
        if (flag('allowDelete') && !flag('allowEdit'))
          report(file, `objectPermissions ${obj}: allowDelete needs allowEdit`);
        if (ps === PARTNER_SET && PARTNER_FORBIDDEN.test(obj)) {
          report(file, `objectPermissions ${obj}: internal object granted to partners`);
        }
      }
      for (const t of childrenNamed(r, 'tabSettings')) {
        if (!ctx.tabExists(childText(t, 'tab')))
          report(file, `tabSettings: unknown tab ${childText(t, 'tab')}`);
      }
      for (const a of childrenNamed(r, 'applicationVisibilities')) {
        if (!ctx.apps.has(childText(a, 'application')))
          report(file, `applicationVisibilities: unknown app ${childText(a, 'application')}`);
      }
      for (const c of childrenNamed(r, 'classAccesses')) {
        if (!ctx.classes.has(childText(c, 'apexClass')))
          report(file, `classAccesses: unknown Apex class ${childText(c, 'apexClass')}`);
      }
      for (const c of childrenNamed(r, 'customMetadataTypeAccesses')) {
        const n = childText(c, 'name');
        if (!objects.get(n)?.root || !n.endsWith('__mdt'))
          report(file, `customMetadataTypeAccesses: unknown type ${n}`);
      }
      for (const c of childrenNamed(r, 'customPermissions')) {
        if (!ctx.customPermissions.has(childText(c, 'name')))
          report(file, `customPermissions: unknown ${childText(c, 'name')}`);
      }
      for (const c of childrenNamed(r, 'externalCredentialPrincipalAccesses')) {
        const p = childText(c, 'externalCredentialPrincipal');
        if (!ctx.principals.has(p))
          report(file, `externalCredentialPrincipalAccesses: unknown principal ${p}`);
      }
    }
  }
};
