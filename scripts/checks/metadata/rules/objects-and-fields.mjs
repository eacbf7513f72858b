import { CUSTOM_NAME, child, childText, childrenNamed } from '../project.mjs';

export default {
  name: 'objects-and-fields',
  description:
    'custom object and field API names are valid, each field type has the properties it needs, picklist ' +
    'values are unique with at most one default, lookups point to known objects with valid, unique ' +
    'relationship names, unique/external-id/history flags fit the type',
  run(ctx) {
    const { report, objects, isKnownObject, sourceDir } = ctx;
    const relationshipNames = new Map(); // target object → Map(relationshipName → field)
    for (const [objName, o] of objects) {
      if (objName.endsWith('__c') || objName.endsWith('__e') || objName.endsWith('__mdt')) {
        if (!CUSTOM_NAME.test(objName))
          report(o.file ?? sourceDir, `invalid custom object API name ${objName}`);
        if (!o.root) report(sourceDir, `fields found for ${objName} but no ${objName}.object-meta.xml`);
        else if (!childText(o.root, 'label')) report(o.file, `custom object needs a <label>`);
      }
      if (o.root && objName.endsWith('__c')) {
        if (!childText(o.root, 'pluralLabel')) report(o.file, `custom object needs a <pluralLabel>`);
        if (!child(o.root, 'nameField')) report(o.file, `custom object needs a <nameField>`);
        if (!childText(o.root, 'sharingModel')) report(o.file, `custom object needs a <sharingModel>`);
      }
      for (const [fieldName, f] of o.fields) {
        const r = f.root;
        const where = `field ${objName}.${fieldName}`;
        if (childText(r, 'fullName') && childText(r, 'fullName') !== fieldName) {
          report(f.file, `${where}: <fullName> ${childText(r, 'fullName')} does not match the file name`);
        }
        if (!/^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*[A-Za-z0-9]__c$/.test(fieldName) || fieldName.length - 3 > 40) {
          report(
            f.file,
            `${where}: invalid custom field API name (letters, digits, single underscores, ≤40, ends __c)`
          );
        }
        const type = f.type;
        if (!type) {
          report(f.file, `${where}: <type> missing`);
          continue;
        }
        if (!childText(r, 'label')) report(f.file, `${where}: <label> missing`);
        const need = (el) => {
          if (childText(r, el) === undefined) report(f.file, `${where}: a ${type} field needs <${el}>`);
        };
        if (['Text', 'LongTextArea', 'Html', 'EncryptedText'].includes(type)) need('length');
        if (['LongTextArea', 'Html'].includes(type)) need('visibleLines');
        if (['Number', 'Currency', 'Percent'].includes(type)) {
          need('precision');
          need('scale');
          const p = Number(childText(r, 'precision'));
          const s = Number(childText(r, 'scale'));
          if (p > 18 || s > p) report(f.file, `${where}: precision ≤ 18 and scale ≤ precision`);
        }
        if (type === 'Text' && Number(childText(r, 'length')) > 255)
          report(f.file, `${where}: Text length ≤ 255`);
        if (type === 'LongTextArea' && Number(childText(r, 'length')) > 131072) {
          report(f.file, `${where}: LongTextArea length ≤ 131072`);
        }
        if (type === 'Checkbox' && childText(r, 'defaultValue') === undefined) need('defaultValue');
        if (['Picklist', 'MultiselectPicklist'].includes(type)) {
          const vs = child(r, 'valueSet');
          if (!vs) need('valueSet');
          const def = vs && child(vs, 'valueSetDefinition');
          if (def) {
            const names = childrenNamed(def, 'value').map((v) => childText(v, 'fullName') ?? '');
            const lower = names.map((n) => n.toLowerCase());
            lower.forEach((n, i) => {
              if (lower.indexOf(n) !== i) report(f.file, `${where}: duplicate picklist value "${names[i]}"`);
              if (!n) report(f.file, `${where}: picklist value without <fullName>`);
            });
            const defaults = childrenNamed(def, 'value').filter((v) => childText(v, 'default') === 'true');
            if (defaults.length > 1) report(f.file, `${where}: more than one default picklist value`);
            if (names.length === 0) report(f.file, `${where}: picklist without values`);
          } else if (vs && !childText(vs, 'valueSetName')) {
            report(f.file, `${where}: picklist needs <valueSetDefinition> or <valueSetName>`);
          }
        }
        if (['Lookup', 'MasterDetail'].includes(type)) {
          need('referenceTo');
          need('relationshipName');
          const target = childText(r, 'referenceTo');
          const relName = childText(r, 'relationshipName');
          if (target && !isKnownObject(target))
            report(f.file, `${where}: referenceTo unknown object ${target}`);
          if (relName !== undefined) {
            if (!/^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*[A-Za-z0-9]$/.test(relName) || relName.length > 40) {
              report(
                f.file,
                `${where}: invalid relationshipName "${relName}" (letters, digits, single underscores)`
              );
            }
            if (target) {
              if (!relationshipNames.has(target)) relationshipNames.set(target, new Map());
              const m = relationshipNames.get(target);
              const clash = m.get(relName.toLowerCase());
              if (clash) {
                report(
                  f.file,
                  `${where}: relationshipName ${relName} on ${target} is already used by ${clash}`
                );
              }
              m.set(relName.toLowerCase(), `${objName}.${fieldName}`);
            }
          }
          if (type === 'MasterDetail' && childText(r, 'deleteConstraint')) {
            report(f.file, `${where}: a master-detail field takes no <deleteConstraint>`);
          }
          if (
            type === 'Lookup' &&
            childText(r, 'required') === 'true' &&
            childText(r, 'deleteConstraint') === 'SetNull'
          ) {
            report(f.file, `${where}: a required lookup cannot clear on delete (SetNull)`);
          }
          if (
            type === 'MasterDetail' &&
            o.root &&
            childText(o.root, 'sharingModel') !== 'ControlledByParent'
          ) {
            report(
              o.file,
              `object ${objName} has a master-detail field, so its sharingModel must be ControlledByParent`
            );
          }
        }
        if (childText(r, 'unique') === 'true' && !['Text', 'Email', 'Number', 'AutoNumber'].includes(type)) {
          report(f.file, `${where}: only Text, Email, Number or AutoNumber fields can be unique`);
        }
        if (
          childText(r, 'externalId') === 'true' &&
          !['Text', 'Email', 'Number', 'AutoNumber'].includes(type)
        ) {
          report(f.file, `${where}: only Text, Email, Number or AutoNumber fields can be external ids`);
        }
        if (
          childText(r, 'trackHistory') === 'true' &&
          o.root &&
          childText(o.root, 'enableHistory') !== 'true'
        ) {
          report(f.file, `${where}: trackHistory needs enableHistory on ${objName}`);
        }
        const help = childText(r, 'inlineHelpText');
        if (help && help.length > 510) report(f.file, `${where}: inlineHelpText longer than 510 characters`);
      }
    }
  }
};
