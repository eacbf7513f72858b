#!/usr/bin/env node
// Metadata check, offline. For every `*-meta.xml` under the source directory:
//  - the root element is the Metadata API type the file suffix says it is;
//  - every element is a known property of its type (and of the nested types), recursively, using
//    the WSDL-derived type schema jsforce ships (jsforce/lib/api/metadata/schema.js), extended by
//    the small table below for types and properties newer than that schema;
//  - required properties are present, booleans and numbers are well formed;
// and across the project:
//  - custom field / object API names and relationship names are valid and unique;
//  - picklist values are unique, at most one default;
//  - every field, object, tab, app, class, group, queue object, custom permission, external
//    credential principal, picklist value ... referenced by a permission set, layout, list view,
//    sharing rule, validation rule, custom metadata record, app, tab, named credential, subscriber
//    config, Apex (`Obj__c.Field__c`, typed variables, `new Obj__c(Field__c = ...)`, SOQL select lists,
//    WHERE, sub-queries, dynamic SOQL written as literals), the sample data plan, FlexiPages exists;
//  - project invariants: no permission set grants edit/delete/modify-all on append-only objects,
//    the partner permission set sees no internal fields, every -meta.xml has apiVersion 62.0 where
//    the type has one.
//
//   node scripts/check-metadata.mjs [source-dir=force-app]
//
// Exit 0 when clean, 1 with one line per problem, 2 when the tool itself cannot run.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));

function die(message) {
  console.error(message);
  process.exit(2);
}

let ApiSchemas;
let registry;
let XMLParser;
try {
  ({ ApiSchemas } = require('jsforce/lib/api/metadata/schema.js'));
  registry = require('@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json');
  ({ XMLParser } = require('fast-xml-parser'));
} catch (e) {
  die(`metadata check cannot load its tools (run npm ci): ${e.message}`);
}
if (!ApiSchemas || !ApiSchemas.CustomField || !ApiSchemas.CustomObject) {
  die('jsforce metadata schema not found or changed shape (jsforce/lib/api/metadata/schema.js)');
}

export const API_VERSION = '62.0';

// ---------------------------------------------------------------------------------------------
// Schema: jsforce's types plus what its (older) WSDL lacks. Each addition is from the Metadata API
// Developer Guide, v62.0: ExternalCredential and the new NamedCredential format (API 56+),
// PlatformEventSubscriberConfig (API 51+), PermissionSet.externalCredentialPrincipalAccesses (API
// 58+), SharingCriteriaRule.includeRecordsOwnedByAll (API 56+), CustomPermission.isLicensed,
// FlexiPageRegion.itemInstances (API 47+). `targetConfigs` of a Lightning
// component bundle is free-form XML in the schema, so it is checked as "any".
// ---------------------------------------------------------------------------------------------
const EXTRA_TYPES = {
  ExternalCredential: {
    type: 'ExternalCredential',
    props: {
      authenticationProtocol: 'string',
      description: '?string',
      externalCredentialParameters: ['ExternalCredentialParameter'],
      label: 'string'
    },
    extends: 'Metadata'
  },
  ExternalCredentialParameter: {
    type: 'ExternalCredentialParameter',
    props: {
      authProvider: '?string',
      certificate: '?string',
      description: '?string',
      externalAuthIdentityProvider: '?string',
      parameterGroup: '?string',
      parameterName: 'string',
      parameterType: 'string',
      parameterValue: '?string',
      sequenceNumber: '?number'
    }
  },
  NamedCredentialParameter: {
    type: 'NamedCredentialParameter',
    props: {
      certificate: '?string',
      description: '?string',
      externalCredential: '?string',
      globalNamedPrincipalCredential: '?string',
      managedFeatureEnabledCallout: '?string',
      outboundNetworkConnection: '?string',
      parameterName: '?string',
      parameterType: 'string',
      parameterValue: '?string',
      readOnlyNamedCredential: '?string',
      sequenceNumber: '?number',
      systemUserNamedCredential: '?string'
    }
  },
  PlatformEventSubscriberConfig: {
    type: 'PlatformEventSubscriberConfig',
    props: {
      batchSize: '?number',
      isProtected: '?boolean',
      masterLabel: 'string',
      numPartitions: '?number',
      partitionKey: '?string',
      platformEventConsumer: 'string',
      user: '?string'
    },
    extends: 'Metadata'
  },
  // FlexiPage regions hold itemInstances since API 47 (jsforce still has componentInstances only).
  ItemInstance: {
    type: 'ItemInstance',
    props: { componentInstance: '?ComponentInstance', fieldInstance: '?FieldInstance' }
  },
  FieldInstance: {
    type: 'FieldInstance',
    props: {
      fieldInstanceProperties: ['FieldInstanceProperty'],
      fieldItem: 'string',
      identifier: '?string',
      visibilityRule: '?UiFormulaRule'
    }
  },
  FieldInstanceProperty: { type: 'FieldInstanceProperty', props: { name: '?string', value: '?string' } },
  PermissionSetExternalCredentialPrincipalAccess: {
    type: 'PermissionSetExternalCredentialPrincipalAccess',
    props: { enabled: 'boolean', externalCredentialPrincipal: 'string' }
  }
};
const EXTRA_PROPS = {
  NamedCredential: {
    calloutStatus: '?string',
    description: '?string',
    namedCredentialParameters: ['NamedCredentialParameter'],
    namedCredentialType: '?string',
    // Legacy-format fields, optional in the current format.
    principalType: '?string',
    protocol: '?string'
  },
  PermissionSet: { externalCredentialPrincipalAccesses: ['PermissionSetExternalCredentialPrincipalAccess'] },
  SharingCriteriaRule: { includeRecordsOwnedByAll: '?boolean' },
  CustomPermission: { isLicensed: '?boolean' },
  FlexiPageRegion: { itemInstances: ['ItemInstance'] },
  ComponentInstance: { identifier: '?string' },
  LightningComponentBundle: { targetConfigs: '?any' }
};

export function schemaFor(type) {
  const base = ApiSchemas[type] ?? EXTRA_TYPES[type];
  if (!base) return undefined;
  const props = {};
  const chain = [];
  for (let t = base; t; t = t.extends ? (ApiSchemas[t.extends] ?? EXTRA_TYPES[t.extends]) : undefined) {
    chain.unshift(t);
  }
  for (const t of chain) Object.assign(props, t.props, EXTRA_PROPS[t.type]);
  return props;
}

const PRIMITIVES = new Set(['string', 'boolean', 'number', 'any']);

function parseProp(spec) {
  if (Array.isArray(spec)) return { type: spec[0], array: true, optional: true };
  const optional = spec.startsWith('?');
  return { type: optional ? spec.slice(1) : spec, array: false, optional };
}

// Properties the WSDL marks required that source-format files legitimately omit (the platform
// defaults them, or the value comes from the file name).
const NOT_REQUIRED_IN_SOURCE = {
  CustomValue: ['default'],
  PermissionSetFieldPermissions: ['readable'],
  ValueSetValuesDefinition: ['sorted']
};

// ---------------------------------------------------------------------------------------------
// XML → small tree { name, attrs, children, text, line }
// ---------------------------------------------------------------------------------------------
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  commentPropName: '#comment',
  cdataPropName: '#cdata',
  parseTagValue: false,
  trimValues: true,
  processEntities: true
});

function toTree(nodes) {
  const out = [];
  for (const n of nodes) {
    const key = Object.keys(n).find((k) => k !== ':@');
    if (key === '#comment' || key === '?xml') continue;
    if (key === '#text' || key === '#cdata') {
      const raw = key === '#cdata' ? n[key].map((c) => c['#text']).join('') : n[key];
      out.push({ text: String(raw) });
      continue;
    }
    out.push({ name: key, attrs: n[':@'] ?? {}, children: toTree(n[key]) });
  }
  return out;
}

function elementChildren(node) {
  return node.children.filter((c) => c.name);
}
function textOf(node) {
  return node.children
    .filter((c) => c.text !== undefined)
    .map((c) => c.text)
    .join('')
    .trim();
}
function child(node, name) {
  return elementChildren(node).find((c) => c.name === name);
}
function childText(node, name) {
  const c = child(node, name);
  return c ? textOf(c) : undefined;
}
function childrenNamed(node, name) {
  return elementChildren(node).filter((c) => c.name === name);
}

export function parseXml(text) {
  const tree = toTree(parser.parse(text));
  const rootEl = tree.find((n) => n.name);
  if (!rootEl) throw new Error('no root element');
  return rootEl;
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------
function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === '__tests__' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** Suffix (e.g. "field", "permissionset") → Metadata API type name, from the SDR registry. */
const suffixToType = new Map();
for (const t of Object.values(registry.types)) {
  for (const c of Object.values(t.children?.types ?? {})) if (c.suffix) suffixToType.set(c.suffix, c.name);
}
// Top-level types win over child types that share a suffix (CustomLabels vs CustomLabel: "labels").
for (const t of Object.values(registry.types)) if (t.suffix) suffixToType.set(t.suffix, t.name);

function expectedType(file) {
  const parts = file.split(sep);
  if (parts.includes('lwc')) return 'LightningComponentBundle';
  if (parts.includes('aura')) return 'AuraDefinitionBundle';
  const m = /\.([A-Za-z]+)-meta\.xml$/.exec(basename(file));
  return m ? suffixToType.get(m[1]) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Known standard names (references to these cannot be checked against project files)
// ---------------------------------------------------------------------------------------------
const STANDARD_OBJECTS = new Set(
  'Account Contact Opportunity OpportunityLineItem Lead Case Campaign CampaignMember User Group GroupMember Task Event Product2 Pricebook2 PricebookEntry Contract Order Asset Profile PermissionSet PermissionSetAssignment RecordType Organization ContentVersion ContentDocument ContentDocumentLink Note Attachment ProcessInstance ProcessInstanceWorkitem ProcessInstanceStep UserRole Partner AccountContactRelation OpportunityContactRole Network NetworkMember EmailTemplate AsyncApexJob CronTrigger'.split(
    ' '
  )
);
// Standard field names a layout, list view or permission set may use on any object.
const STANDARD_FIELDS = new Set(
  'Id Name OwnerId CreatedById CreatedDate LastModifiedById LastModifiedDate SystemModstamp IsDeleted RecordTypeId LastActivityDate LastViewedDate LastReferencedDate CurrencyIsoCode'.split(
    ' '
  )
);

const CUSTOM_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*[A-Za-z0-9]__(c|e|mdt|r)$/;

// ---------------------------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------------------------
export function checkProject(sourceDir) {
  const problems = [];
  const rel = (f) => relative(process.cwd(), f);
  const report = (file, message) => problems.push(`${rel(file)}: ${message}`);

  const files = walk(sourceDir);
  const metaFiles = files.filter((f) => f.endsWith('-meta.xml'));
  const parsed = new Map();

  // 1. Structure against the schema.
  function checkElement(file, node, type, path) {
    const props = schemaFor(type);
    if (!props) {
      report(file, `${path}: no schema for type ${type}`);
      return;
    }
    const seen = new Map();
    for (const c of elementChildren(node)) {
      const spec = props[c.name];
      if (!spec) {
        report(file, `${path}: unknown element <${c.name}> (not a property of ${type})`);
        continue;
      }
      const p = parseProp(spec);
      seen.set(c.name, (seen.get(c.name) ?? 0) + 1);
      if (!p.array && seen.get(c.name) === 2) report(file, `${path}: <${c.name}> may appear only once`);
      checkValue(file, c, p.type, `${path}/${c.name}`);
    }
    for (const [name, spec] of Object.entries(props)) {
      const p = parseProp(spec);
      if (p.optional || name === 'fullName' || (NOT_REQUIRED_IN_SOURCE[type] ?? []).includes(name)) continue;
      if (!seen.has(name)) report(file, `${path}: required element <${name}> missing (${type})`);
    }
  }
  function checkValue(file, node, type, path) {
    if (type === 'any') return;
    if (PRIMITIVES.has(type)) {
      if (elementChildren(node).length > 0) {
        report(file, `${path}: expected a ${type} value, found child elements`);
        return;
      }
      const v = textOf(node);
      if (type === 'boolean' && v !== 'true' && v !== 'false') {
        report(file, `${path}: expected true or false, found "${v}"`);
      }
      if (type === 'number' && !/^-?\d+(\.\d+)?$/.test(v))
        report(file, `${path}: expected a number, found "${v}"`);
      return;
    }
    checkElement(file, node, type, path);
  }

  for (const file of metaFiles) {
    let rootEl;
    try {
      rootEl = parseXml(readFileSync(file, 'utf8'));
    } catch (e) {
      report(file, `not well-formed XML: ${e.message}`);
      continue;
    }
    parsed.set(file, rootEl);
    const expected = expectedType(file);
    if (!expected) {
      report(file, `unknown metadata file suffix`);
      continue;
    }
    if (rootEl.name !== expected) {
      report(file, `root element <${rootEl.name}> but a ${basename(file)} file holds a ${expected}`);
      continue;
    }
    if (rootEl.attrs.xmlns !== 'http://soap.sforce.com/2006/04/metadata') {
      report(file, `root element needs xmlns="http://soap.sforce.com/2006/04/metadata"`);
    }
    checkElement(file, rootEl, expected, rootEl.name);
    const api = childText(rootEl, 'apiVersion');
    if (api !== undefined && api !== API_VERSION) report(file, `apiVersion ${api}, expected ${API_VERSION}`);
  }

  // 2. Project model.
  const byType = (type) => [...parsed.entries()].filter(([, r]) => r.name === type);
  const objects = new Map(); // name → { file, root, fields: Map }
  for (const [file, r] of byType('CustomObject')) {
    const name = basename(file).replace('.object-meta.xml', '');
    objects.set(name, { file, root: r, fields: new Map(), listViews: new Map() });
  }
  const objectOf = (file) => basename(dirname(dirname(file)));
  const ensureObject = (name) => {
    if (!objects.has(name))
      objects.set(name, { file: undefined, root: undefined, fields: new Map(), listViews: new Map() });
    return objects.get(name);
  };
  for (const [file, r] of byType('CustomField')) {
    const obj = objectOf(file);
    const name = basename(file).replace('.field-meta.xml', '');
    ensureObject(obj).fields.set(name, { file, root: r, type: childText(r, 'type'), obj });
  }
  const isKnownObject = (name) => objects.has(name) || STANDARD_OBJECTS.has(name);
  const projectObject = (name) => objects.get(name);
  const fieldExists = (obj, field) => {
    if (STANDARD_FIELDS.has(field)) return true;
    const o = projectObject(obj);
    if (o?.fields.has(field)) return true;
    // Standard fields of standard objects cannot be known offline; custom ones must be in the project.
    return STANDARD_OBJECTS.has(obj) && !field.endsWith('__c');
  };
  const picklistValues = (obj, field) => {
    const f = projectObject(obj)?.fields.get(field);
    if (!f || f.type !== 'Picklist') return undefined;
    const def = child(child(f.root, 'valueSet') ?? { children: [] }, 'valueSetDefinition');
    return def ? childrenNamed(def, 'value').map((v) => childText(v, 'fullName')) : undefined;
  };
  const checkPicklistValue = (file, where, obj, field, value) => {
    const values = picklistValues(obj, field);
    if (!values) return;
    for (const v of value.split(',').map((s) => s.trim())) {
      if (!values.includes(v)) report(file, `${where}: "${v}" is not a value of picklist ${obj}.${field}`);
    }
  };
  const checkFieldRef = (file, where, obj, field) => {
    if (!isKnownObject(obj)) {
      report(file, `${where}: unknown object ${obj}`);
      return false;
    }
    if (!fieldExists(obj, field)) {
      report(file, `${where}: unknown field ${obj}.${field}`);
      return false;
    }
    return true;
  };

  // 3. Objects and fields: names, types, relationships, picklists.
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
      const nameField = child(o.root, 'nameField');
      if (!nameField) report(o.file, `custom object needs a <nameField>`);
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
        if (type === 'MasterDetail' && o.root && childText(o.root, 'sharingModel') !== 'ControlledByParent') {
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
  const childRelationship = (parentObj, relNameWithR) => {
    const relName = relNameWithR.replace(/__r$/, '');
    const ref = relationshipNames.get(parentObj)?.get(relName.toLowerCase());
    return ref ? ref.split('.')[0] : undefined;
  };
  const lookupTarget = (obj, relField) => {
    const f = projectObject(obj)?.fields.get(relField.replace(/__r$/, '__c'));
    return f && ['Lookup', 'MasterDetail'].includes(f.type) ? childText(f.root, 'referenceTo') : undefined;
  };

  // Listed names of other components.
  const namesOf = (type, suffix) =>
    new Set(byType(type).map(([file]) => basename(file).replace(`.${suffix}-meta.xml`, '')));
  const tabs = namesOf('CustomTab', 'tab');
  const apps = namesOf('CustomApplication', 'app');
  const groups = namesOf('Group', 'group');
  const customPermissions = namesOf('CustomPermission', 'customPermission');
  const classes = new Set(files.filter((f) => f.endsWith('.cls')).map((f) => basename(f, '.cls')));
  const triggers = new Map(
    files.filter((f) => f.endsWith('.trigger')).map((f) => [basename(f, '.trigger'), readFileSync(f, 'utf8')])
  );
  const flexipages = namesOf('FlexiPage', 'flexipage');
  const principals = new Set();
  for (const [file, r] of byType('ExternalCredential')) {
    const ec = basename(file).replace('.externalCredential-meta.xml', '');
    for (const p of childrenNamed(r, 'externalCredentialParameters')) {
      if (
        childText(p, 'parameterType') === 'NamedPrincipal' ||
        childText(p, 'parameterType') === 'PerUserPrincipal'
      ) {
        principals.add(`${ec}-${childText(p, 'parameterName')}`);
      }
    }
  }
  const externalCredentials = namesOf('ExternalCredential', 'externalCredential');
  const tabExists = (t) => t.startsWith('standard-') || tabs.has(t);

  // 4. Permission sets.
  const APPEND_ONLY = ['AI_Audit_Log__c'];
  const PARTNER_SET = 'Deal_Registration_Partner';
  const PARTNER_FORBIDDEN =
    /^(AI_Recommendation__c|AI_Audit_Log__c)$|^Deal_Registration__c\.(AI_.*|Decision_Reason__c|Customer_Name_Key__c|Customer_Domain__c|Last_Scoring_Error__c|Latest_Recommendation__c|Potential_Conflict__c|Scoring_.*|Assigned_Reviewer__c)$/;
  for (const [file, r] of byType('PermissionSet')) {
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
      if (!tabExists(childText(t, 'tab'))) report(file, `tabSettings: unknown tab ${childText(t, 'tab')}`);
    }
    for (const a of childrenNamed(r, 'applicationVisibilities')) {
      if (!apps.has(childText(a, 'application')))
        report(file, `applicationVisibilities: unknown app ${childText(a, 'application')}`);
    }
    for (const c of childrenNamed(r, 'classAccesses')) {
      if (!classes.has(childText(c, 'apexClass')))
        report(file, `classAccesses: unknown Apex class ${childText(c, 'apexClass')}`);
    }
    for (const c of childrenNamed(r, 'customMetadataTypeAccesses')) {
      const n = childText(c, 'name');
      if (!objects.get(n)?.root || !n.endsWith('__mdt'))
        report(file, `customMetadataTypeAccesses: unknown type ${n}`);
    }
    for (const c of childrenNamed(r, 'customPermissions')) {
      if (!customPermissions.has(childText(c, 'name')))
        report(file, `customPermissions: unknown ${childText(c, 'name')}`);
    }
    for (const c of childrenNamed(r, 'externalCredentialPrincipalAccesses')) {
      const p = childText(c, 'externalCredentialPrincipal');
      if (!principals.has(p)) report(file, `externalCredentialPrincipalAccesses: unknown principal ${p}`);
    }
  }

  // 5. Layouts.
  for (const [file, r] of byType('Layout')) {
    const obj = basename(file).split('-')[0];
    if (!isKnownObject(obj)) report(file, `layout for unknown object ${obj}`);
    for (const item of r.children.length ? findAll(r, 'layoutItems') : []) {
      const field = childText(item, 'field');
      if (field) checkFieldRef(file, 'layoutItems', obj, field);
    }
    for (const rl of childrenNamed(r, 'relatedLists')) {
      const list = childText(rl, 'relatedList') ?? '';
      const m = /^(\w+)\.(\w+)$/.exec(list);
      if (m) {
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

  // 6. List views (objects/<Obj>/listViews), validation rules, compact layouts.
  for (const [file, r] of byType('ListView')) {
    const obj = objectOf(file);
    for (const col of childrenNamed(r, 'columns')) {
      const c = textOf(col);
      if (!/^[A-Z_.]+$/.test(c)) checkFieldRef(file, `listView column`, obj, c);
    }
    for (const f of childrenNamed(r, 'filters')) {
      const field = childText(f, 'field');
      if (/^[A-Z_.]+$/.test(field)) continue;
      if (checkFieldRef(file, `listView filter`, obj, field)) {
        checkPicklistValue(file, `listView filter ${field}`, obj, field, childText(f, 'value') ?? '');
      }
    }
  }
  for (const [file, r] of byType('ValidationRule')) {
    const obj = objectOf(file);
    const display = childText(r, 'errorDisplayField');
    if (display) checkFieldRef(file, 'errorDisplayField', obj, display);
    checkFormula(file, obj, childText(r, 'errorConditionFormula') ?? '');
  }
  function checkFormula(file, obj, formula) {
    const noStrings = formula.replace(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'/g, '""');
    for (const m of noStrings.matchAll(/(?<![.$\w])((?:\w+__r\.)*)(\w+__c)\b/g)) {
      let current = obj;
      for (const rel of m[1].split('.').filter(Boolean)) {
        current = lookupTarget(current, rel);
        if (!current) {
          report(file, `formula: unknown relationship ${rel} on ${obj}`);
          return;
        }
      }
      checkFieldRef(file, 'formula', current, m[2]);
    }
    for (const m of formula.matchAll(/ISPICKVAL\(\s*(\w+__c)\s*,\s*['"]([^'"]*)['"]\s*\)/g)) {
      checkPicklistValue(file, `formula ISPICKVAL`, obj, m[1], m[2]);
    }
  }

  // 7. Sharing rules, queues, groups.
  for (const [file, r] of byType('SharingRules')) {
    const obj = basename(file).replace('.sharingRules-meta.xml', '');
    if (!isKnownObject(obj)) report(file, `sharing rules for unknown object ${obj}`);
    for (const rule of childrenNamed(r, 'sharingCriteriaRules')) {
      for (const ci of childrenNamed(rule, 'criteriaItems')) {
        const field = childText(ci, 'field');
        if (checkFieldRef(file, `sharing rule ${childText(rule, 'fullName')}`, obj, field)) {
          checkPicklistValue(
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
        if (!groups.has(textOf(g))) report(file, `sharing rule shares to unknown group ${textOf(g)}`);
      }
    }
  }
  for (const [file, r] of byType('Queue')) {
    for (const qs of childrenNamed(r, 'queueSobject')) {
      const o = childText(qs, 'sobjectType');
      if (!isKnownObject(o)) report(file, `queueSobject: unknown object ${o}`);
    }
    for (const g of findAll(r, 'publicGroup')) {
      if (!groups.has(textOf(g))) report(file, `queue member: unknown public group ${textOf(g)}`);
    }
  }

  // 8. Apps and tabs.
  for (const [file, r] of byType('CustomApplication')) {
    const appTabs = childrenNamed(r, 'tabs').map(textOf);
    for (const t of appTabs) if (!tabExists(t)) report(file, `app tab: unknown tab ${t}`);
    for (const m of findAll(r, 'mappings')) {
      const t = childText(m, 'tab');
      if (!appTabs.includes(t)) report(file, `workspaceConfig mapping for tab ${t} that is not in <tabs>`);
    }
    for (const o of childrenNamed(r, 'actionOverrides')) {
      const target = childText(o, 'pageOrSobjectType');
      if (target && !isKnownObject(target) && !target.startsWith('standard-')) {
        report(file, `actionOverrides: unknown object ${target}`);
      }
      const content = childText(o, 'content');
      if (childText(o, 'type') === 'Flexipage' && content && !flexipages.has(content)) {
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
  for (const [file, r] of byType('CustomTab')) {
    const name = basename(file).replace('.tab-meta.xml', '');
    if (childText(r, 'customObject') === 'true' && !projectObject(name)?.root) {
      report(file, `custom object tab for unknown object ${name}`);
    }
    const fp = childText(r, 'flexiPage');
    if (fp && !flexipages.has(fp)) report(file, `tab flexiPage ${fp} not found`);
    const lwc = childText(r, 'lwcComponent');
    if (
      lwc &&
      !existsSync(join(sourceDir, 'main/default/lwc', lwc)) &&
      !files.some((f) => f.includes(`${sep}lwc${sep}${lwc}${sep}`))
    ) {
      report(file, `tab lwcComponent ${lwc} not found`);
    }
    if (!childText(r, 'motif')) report(file, `tab needs a <motif>`);
  }

  // 9. Custom metadata records, credentials, subscriber configs.
  for (const [file, r] of byType('CustomMetadata')) {
    const [typeName] = basename(file).split('.');
    const mdt = `${typeName}__mdt`;
    const o = projectObject(mdt);
    if (!o?.root) {
      report(file, `record of unknown custom metadata type ${mdt}`);
      continue;
    }
    for (const v of childrenNamed(r, 'values')) {
      const field = childText(v, 'field');
      if (!checkFieldRef(file, 'values', mdt, field)) continue;
      const valueEl = child(v, 'value');
      const xsiType = valueEl?.attrs['xsi:type'];
      const fType = o.fields.get(field)?.type;
      const expected =
        { Checkbox: 'xsd:boolean', Number: 'xsd:double', Percent: 'xsd:double' }[fType] ?? 'xsd:string';
      if (valueEl && xsiType !== undefined && xsiType !== expected) {
        report(file, `values ${field}: xsi:type ${xsiType}, expected ${expected} for a ${fType} field`);
      }
    }
  }
  for (const [file, r] of byType('NamedCredential')) {
    for (const p of childrenNamed(r, 'namedCredentialParameters')) {
      const ec = childText(p, 'externalCredential');
      if (ec && !externalCredentials.has(ec))
        report(file, `namedCredentialParameters: unknown external credential ${ec}`);
    }
  }
  for (const [file, r] of byType('PlatformEventSubscriberConfig')) {
    const consumer = childText(r, 'platformEventConsumer');
    const trig = triggers.get(consumer);
    if (!trig) report(file, `platformEventConsumer: trigger ${consumer} not found`);
    else if (!/\bon\s+\w+__e\s*\(/i.test(trig))
      report(file, `platformEventConsumer: ${consumer} is not a platform event trigger`);
  }

  // FlexiPages: custom components and the record page's object exist.
  const lwcBundles = new Set(
    files
      .filter((f) => f.endsWith('.js-meta.xml') && f.split(sep).includes('lwc'))
      .map((f) => basename(dirname(f)))
  );
  for (const [file, r] of byType('FlexiPage')) {
    const sobject = childText(r, 'sobjectType');
    if (sobject && !isKnownObject(sobject)) report(file, `sobjectType: unknown object ${sobject}`);
    for (const c of findAll(r, 'componentName')) {
      // No namespace or the c namespace: one of this project's components.
      const m = /^(?:c:)?(\w+)$/.exec(textOf(c));
      if (m && !lwcBundles.has(m[1])) report(file, `component ${textOf(c)} not found in lwc/`);
    }
  }

  // Sample data plan (sf data import tree) next to the source directory: objects and fields exist.
  const planFile = join(dirname(sourceDir), 'data', 'plan.json');
  if (existsSync(planFile)) {
    let plan = [];
    try {
      plan = JSON.parse(readFileSync(planFile, 'utf8'));
    } catch (e) {
      report(planFile, `not valid JSON: ${e.message}`);
    }
    for (const step of plan) {
      if (!isKnownObject(step.sobject)) report(planFile, `unknown sobject ${step.sobject}`);
      for (const f of step.files ?? []) {
        const dataFile = join(dirname(planFile), f);
        if (!existsSync(dataFile)) {
          report(planFile, `data file ${f} not found`);
          continue;
        }
        const { records = [] } = JSON.parse(readFileSync(dataFile, 'utf8'));
        for (const rec of records) {
          const obj = rec.attributes?.type ?? step.sobject;
          for (const [field, value] of Object.entries(rec)) {
            if (field === 'attributes') continue;
            if (
              checkFieldRef(dataFile, `record ${rec.attributes?.referenceId}`, obj, field) &&
              typeof value === 'string'
            ) {
              if (!value.startsWith('@'))
                checkPicklistValue(dataFile, `record ${rec.attributes?.referenceId}`, obj, field, value);
            }
          }
        }
      }
    }
  }

  // 10. Apex references.
  for (const file of files.filter((f) => /\.(cls|trigger)$/.test(f))) {
    checkApex(file, readFileSync(file, 'utf8'));
  }
  function checkApex(file, source) {
    const code = stripApexComments(source);
    const lineOf = (idx) => code.slice(0, idx).split('\n').length;
    const where = (idx) => `line ${lineOf(idx)}`;
    const trig = /^\s*trigger\s+\w+\s+on\s+(\w+)\s*\(/i.exec(code);
    if (trig && !isKnownObject(trig[1])) report(file, `trigger on unknown object ${trig[1]}`);
    // Obj__c.Field__c and Schema.SObjectType.Obj__c.fields.Field__c tokens.
    const literalFree = code.replace(/'(?:\\.|[^'\\])*'/g, (s) => ' '.repeat(s.length));
    for (const m of literalFree.matchAll(/(?<![\w.])(\w+__(?:c|e|mdt))\.(?:fields\.)?(\w+__c)\b/g)) {
      if (projectObject(m[1])?.root) checkFieldRef(file, where(m.index), m[1], m[2]);
    }
    // new Obj__c(Field__c = ..., ...) constructors.
    for (const m of literalFree.matchAll(/\bnew\s+(\w+__(?:c|e|mdt))\s*\(/g)) {
      if (!projectObject(m[1])?.root) continue;
      const open = m.index + m[0].length - 1;
      const close = matchingParen(literalFree, open);
      const args = literalFree.slice(open + 1, close < 0 ? undefined : close);
      let depth = 0;
      let topLevel = '';
      for (const ch of args) {
        if ('([{'.includes(ch)) depth++;
        else if (')]}'.includes(ch)) depth--;
        else if (depth === 0) topLevel += ch;
      }
      for (const a of topLevel.matchAll(/(?:^|,)\s*(\w+)\s*=(?!=)/g)) {
        if (a[1].endsWith('__c') || a[1].endsWith('__r'))
          checkFieldRef(file, where(m.index), m[1], a[1].replace(/__r$/, '__c'));
      }
    }
    // Variables declared with an SObject type of the project: var.Field__c, var.Rel__r.Field__c.
    const varTypes = new Map();
    const ambiguous = new Set();
    for (const m of literalFree.matchAll(/(?<![\w.<])(\w+__(?:c|e|mdt))\s+(\w+)\s*(?=[=;:,)])/g)) {
      if (!projectObject(m[1])?.root) continue;
      if (varTypes.has(m[2]) && varTypes.get(m[2]) !== m[1]) ambiguous.add(m[2]);
      varTypes.set(m[2], m[1]);
    }
    for (const m of literalFree.matchAll(/(?<![\w.])(\w+)((?:\.\w+__r)*)\.(\w+__c)\b/g)) {
      const type = varTypes.get(m[1]);
      if (!type || ambiguous.has(m[1])) continue;
      let current = type;
      let ok = true;
      for (const rel of m[2].split('.').filter(Boolean)) {
        const target = lookupTarget(current, rel);
        if (!target) {
          report(file, `${where(m.index)}: unknown relationship ${current}.${rel}`);
          ok = false;
          break;
        }
        current = target;
      }
      if (ok) checkFieldRef(file, where(m.index), current, m[3]);
    }
    checkDynamicSoql(file, code, where);
    // Static SOQL.
    for (const m of literalFree.matchAll(/\[\s*SELECT\b/gi)) {
      const start = m.index + m[0].length - 'SELECT'.length;
      const end = matchingBracket(literalFree, m.index);
      if (end < 0) continue;
      const originalQuery = code.slice(start, end);
      checkSoql(file, where(m.index), originalQuery);
    }
  }
  // Dynamic SOQL written as one literal or a chain of literals joined by + ('SELECT ... ' + 'FROM ...').
  function checkDynamicSoql(file, code, where) {
    const literals = [...code.matchAll(/'((?:\\.|[^'\\])*)'/g)];
    let chain = [];
    const flush = () => {
      const text = chain.map((m) => m[1].replace(/\\(.)/g, '$1')).join('');
      if (/^\s*SELECT\b[\s\S]*\bFROM\s+\w+/i.test(text))
        checkSoql(file, `${where(chain[0].index)} (dynamic)`, text);
      chain = [];
    };
    literals.forEach((m, i) => {
      const prev = literals[i - 1];
      const joined = prev && /^\s*\+\s*$/.test(code.slice(prev.index + prev[0].length, m.index));
      if (!joined && chain.length > 0) flush();
      chain.push(m);
    });
    if (chain.length > 0) flush();
  }

  function checkSoql(file, where, query) {
    const q = query.replace(/'(?:\\.|[^'\\])*'/g, "''");
    // Sub-queries: (SELECT ... FROM ChildRelationship__r ...)
    const subs = [];
    let top = '';
    let depth = 0;
    let buf = '';
    for (let i = 0; i < q.length; i++) {
      const ch = q[i];
      if (ch === '(') {
        if (depth === 0) buf = '';
        depth++;
        if (depth === 1) continue;
      }
      if (ch === ')') {
        depth--;
        if (depth === 0) {
          if (/^\s*SELECT\b/i.test(buf)) {
            subs.push(buf);
            top += ' __SUBQUERY__ ';
          } else top += `(${buf})`;
          continue;
        }
      }
      if (depth > 0) buf += ch;
      else top += ch;
    }
    const fm = /^\s*SELECT\s+([\s\S]*?)\s+FROM\s+(\w+)([\s\S]*)$/i.exec(top);
    if (!fm) return;
    const [, selectList, obj, rest] = fm;
    if (!isKnownObject(obj)) {
      if (/__(c|e|mdt)$/.test(obj)) report(file, `${where}: SOQL FROM unknown object ${obj}`);
      return;
    }
    const checkPath = (path, context) => {
      const parts = path.split('.');
      let current = obj;
      for (const rel of parts.slice(0, -1)) {
        if (!rel.endsWith('__r')) return; // standard relationship (Owner, Account...): not checkable offline
        const target = lookupTarget(current, rel);
        if (!target) {
          report(file, `${where}: SOQL ${context}: unknown relationship ${current}.${rel}`);
          return;
        }
        current = target;
      }
      const last = parts[parts.length - 1];
      if (last.endsWith('__c')) checkFieldRef(file, `${where}: SOQL ${context}`, current, last);
    };
    for (const item of selectList.split(',').map((s) => s.trim())) {
      const inner = /^\w+\(\s*([\w.]+)\s*\)/.exec(item);
      const path = (inner ? inner[1] : item).split(/\s+/)[0];
      if (/^[\w.]+$/.test(path) && path !== '__SUBQUERY__') checkPath(path, 'select');
    }
    const clauses = rest.replace(/:\s*[\w.()]+/g, ' ');
    for (const m of clauses.matchAll(/(?<![\w.:])((?:\w+__r\.)*\w+__c)\b/g)) checkPath(m[1], 'filter');
    for (const sub of subs) {
      const sm = /^\s*SELECT\s+([\s\S]*?)\s+FROM\s+(\w+)/i.exec(sub);
      if (!sm) continue;
      const [, list, relName] = sm;
      if (!relName.endsWith('__r')) continue;
      const childObj = childRelationship(obj, relName);
      if (!childObj) {
        report(file, `${where}: SOQL sub-query: ${obj} has no child relationship ${relName}`);
        continue;
      }
      for (const item of list.split(',').map((s) => s.trim().split(/\s+/)[0])) {
        if (/^\w+__c$/.test(item)) checkFieldRef(file, `${where}: SOQL sub-query`, childObj, item);
      }
    }
  }

  return { problems, files: metaFiles.length, objects: objects.size };
}

function findAll(node, name) {
  const out = [];
  for (const c of elementChildren(node)) {
    if (c.name === name) out.push(c);
    out.push(...findAll(c, name));
  }
  return out;
}

function stripApexComments(src) {
  // Replace comments by spaces (keeping line breaks) without touching string literals.
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== "'") j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j;
    } else if (ch === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') {
        out += ' ';
        i++;
      }
      out += '\n';
    } else if (ch === '/' && src[i + 1] === '*') {
      const j = src.indexOf('*/', i + 2);
      const end = j < 0 ? src.length : j + 2;
      out += src.slice(i, end).replace(/[^\n]/g, ' ');
      i = end - 1;
    } else out += ch;
  }
  return out;
}

function matchingParen(s, open) {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function matchingBracket(s, open) {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '[') depth++;
    else if (s[i] === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sourceDir = resolve(process.argv[2] ?? join(root, 'force-app'));
  if (!existsSync(sourceDir)) die(`source directory not found: ${sourceDir}`);
  const { problems, files, objects } = checkProject(sourceDir);
  for (const p of problems) console.error(p);
  console.log(`metadata: ${files} -meta.xml files, ${objects} objects: ${problems.length} problem(s)`);
  process.exit(problems.length === 0 ? 0 : 1);
}
