// The project model every metadata rule reads: the files of one source directory, each
// `-meta.xml` parsed once, and the names the rules resolve references against (objects, fields,
// picklist values, groups, queues, classes, labels, components...). Rules get it as `ctx` and
// report through `ctx.report(file, message)`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const require = createRequire(import.meta.url);
const registry = require('@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json');

// ---------------------------------------------------------------------------------------------
// XML → small tree { name, attrs, children, text }
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

export function parseXml(text) {
  const tree = toTree(parser.parse(text));
  const rootEl = tree.find((n) => n.name);
  if (!rootEl) throw new Error('no root element');
  return rootEl;
}
export function elementChildren(node) {
  return node.children.filter((c) => c.name);
}
export function textOf(node) {
  return node.children
    .filter((c) => c.text !== undefined)
    .map((c) => c.text)
    .join('')
    .trim();
}
export function child(node, name) {
  return elementChildren(node).find((c) => c.name === name);
}
export function childText(node, name) {
  const c = child(node, name);
  return c ? textOf(c) : undefined;
}
export function childrenNamed(node, name) {
  return elementChildren(node).filter((c) => c.name === name);
}
export function findAll(node, name) {
  const out = [];
  for (const c of elementChildren(node)) {
    if (c.name === name) out.push(c);
    out.push(...findAll(c, name));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------
export function walk(dir) {
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

export function expectedType(file) {
  const parts = file.split(sep);
  if (parts.includes('lwc')) return 'LightningComponentBundle';
  if (parts.includes('aura')) return 'AuraDefinitionBundle';
  const m = /\.([A-Za-z]+)-meta\.xml$/.exec(basename(file));
  return m ? suffixToType.get(m[1]) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Known standard names (references to these cannot be checked against project files)
// ---------------------------------------------------------------------------------------------
export const STANDARD_OBJECTS = new Set(
  'Account Contact Opportunity OpportunityLineItem Lead Case Campaign CampaignMember User Group GroupMember Task Event Product2 Pricebook2 PricebookEntry Contract Order Asset Profile PermissionSet PermissionSetAssignment RecordType Organization ContentVersion ContentDocument ContentDocumentLink Note Attachment ProcessInstance ProcessInstanceWorkitem ProcessInstanceStep UserRole Partner AccountContactRelation OpportunityContactRole Network NetworkMember EmailTemplate AsyncApexJob CronTrigger'.split(
    ' '
  )
);
// Channel Management's Market Development Funds objects (Experience Cloud partner licences): they
// exist in the platform's SObject types apex-ls checks against (sobject-types jar, API 65), with
// the standard fields listed in docs/mdf.md. Only the MDF package directory uses them.
for (const o of [
  'PartnerMarketingBudget',
  'PartnerFundAllocation',
  'PartnerFundRequest',
  'PartnerFundClaim'
]) {
  STANDARD_OBJECTS.add(o);
}
// Standard field names a layout, list view or permission set may use on any object.
export const STANDARD_FIELDS = new Set(
  'Id Name OwnerId CreatedById CreatedDate LastModifiedById LastModifiedDate SystemModstamp IsDeleted RecordTypeId LastActivityDate LastViewedDate LastReferencedDate CurrencyIsoCode'.split(
    ' '
  )
);

export const CUSTOM_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*[A-Za-z0-9]__(c|e|mdt|r)$/;

// ---------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------
/**
 * The model of one source directory. `dependencies` are the package directories it builds on (those
 * listed before it in sfdx-project.json): their objects, fields, classes and other names resolve
 * references, but their files are not checked again here (each is checked in its own run).
 */
export function loadProject(sourceDir, dependencies = []) {
  const problems = [];
  const rel = (f) => relative(process.cwd(), f);
  const deps = dependencies.map((d) => loadProject(d));
  const inDependency = (file) => deps.some((d) => String(file).startsWith(d.sourceDir + sep));
  const report = (file, message) => {
    if (!inDependency(file)) problems.push(`${rel(file)}: ${message}`);
  };

  const files = walk(sourceDir);
  const metaFiles = files.filter((f) => f.endsWith('-meta.xml'));
  const parsed = new Map();
  const parseErrors = new Map();
  for (const file of metaFiles) {
    try {
      parsed.set(file, parseXml(readFileSync(file, 'utf8')));
    } catch (e) {
      parseErrors.set(file, e.message);
    }
  }
  const byType = (type) => [...parsed.entries()].filter(([, r]) => r.name === type);

  const objects = new Map(); // name → { file, root, fields: Map }
  for (const [file, r] of byType('CustomObject')) {
    const name = basename(file).replace('.object-meta.xml', '');
    objects.set(name, { file, root: r, fields: new Map() });
  }
  const objectOf = (file) => basename(dirname(dirname(file)));
  for (const [file, r] of byType('CustomField')) {
    const obj = objectOf(file);
    const name = basename(file).replace('.field-meta.xml', '');
    if (!objects.has(obj)) objects.set(obj, { file: undefined, root: undefined, fields: new Map() });
    objects.get(obj).fields.set(name, { file, root: r, type: childText(r, 'type'), obj });
  }
  // An object of a dependency this directory adds fields to (e.g. a lookup on the audit log): one
  // merged view, so the dependency's fields resolve too (reports on its files are dropped above).
  for (const [name, o] of objects) {
    const base = deps.map((d) => d.projectObject(name)).find((x) => x !== undefined);
    if (!base) continue;
    o.fields = new Map([...base.fields, ...o.fields]);
    if (!o.root) {
      o.root = base.root;
      o.file = base.file;
    }
  }
  const depObject = (name) => deps.map((d) => d.projectObject(name)).find((o) => o !== undefined);
  const isKnownObject = (name) =>
    objects.has(name) || STANDARD_OBJECTS.has(name) || depObject(name) !== undefined;
  const projectObject = (name) => objects.get(name) ?? depObject(name);
  const fieldExists = (obj, field) => {
    if (STANDARD_FIELDS.has(field)) return true;
    const o = projectObject(obj);
    if (o?.fields.has(field)) return true;
    // Standard fields of standard objects cannot be known offline; custom ones must be in the project.
    return STANDARD_OBJECTS.has(obj) && !field.endsWith('__c');
  };
  /** A picklist field of the project: { values, multi }, or undefined for any other field. */
  const picklist = (obj, field) => {
    const f = projectObject(obj)?.fields.get(field);
    if (!f || !['Picklist', 'MultiselectPicklist'].includes(f.type)) return undefined;
    const def = child(child(f.root, 'valueSet') ?? { children: [] }, 'valueSetDefinition');
    if (!def) return undefined;
    return {
      values: childrenNamed(def, 'value').map((v) => childText(v, 'fullName')),
      multi: f.type === 'MultiselectPicklist'
    };
  };
  /** The values of a single-select picklist field of the project, or undefined for any other field. */
  const picklistValues = (obj, field) => {
    const p = picklist(obj, field);
    return p && !p.multi ? p.values : undefined;
  };
  /** Reports each comma-separated value that is not a value of the picklist (criteria, filters). */
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
  // Relationship names per target object (the objects rule reports clashes).
  const relationshipNames = new Map(); // target object → Map(relationshipName → "Obj.Field")
  for (const [objName, o] of objects) {
    for (const [fieldName, f] of o.fields) {
      if (!['Lookup', 'MasterDetail'].includes(f.type)) continue;
      const target = childText(f.root, 'referenceTo');
      const relName = childText(f.root, 'relationshipName');
      if (!target || relName === undefined) continue;
      if (!relationshipNames.has(target)) relationshipNames.set(target, new Map());
      relationshipNames.get(target).set(relName.toLowerCase(), `${objName}.${fieldName}`);
    }
  }
  const childRelationship = (parentObj, relNameWithR) => {
    const relName = relNameWithR.replace(/__r$/, '');
    const ref = relationshipNames.get(parentObj)?.get(relName.toLowerCase());
    return ref
      ? ref.split('.')[0]
      : deps.map((d) => d.childRelationship(parentObj, relNameWithR)).find(Boolean);
  };
  const lookupTarget = (obj, relField) => {
    const f = projectObject(obj)?.fields.get(relField.replace(/__r$/, '__c'));
    return f && ['Lookup', 'MasterDetail'].includes(f.type) ? childText(f.root, 'referenceTo') : undefined;
  };

  // Names of other components.
  /** A set of own names plus the same names from the dependencies. */
  const withDeps = (own, pick) => {
    for (const d of deps) for (const n of pick(d)) own.add(n);
    return own;
  };
  const namesOf = (type, suffix) =>
    new Set(byType(type).map(([file]) => basename(file).replace(`.${suffix}-meta.xml`, '')));
  const namesWithDeps = (type, suffix) => withDeps(namesOf(type, suffix), (d) => d.namesOf(type, suffix));
  const principals = new Set();
  for (const [file, r] of byType('ExternalCredential')) {
    const ec = basename(file).replace('.externalCredential-meta.xml', '');
    for (const p of childrenNamed(r, 'externalCredentialParameters')) {
      if (['NamedPrincipal', 'PerUserPrincipal'].includes(childText(p, 'parameterType'))) {
        principals.add(`${ec}-${childText(p, 'parameterName')}`);
      }
    }
  }
  const queues = new Map(); // queue name → objects it holds
  for (const [file, r] of byType('Queue')) {
    queues.set(
      basename(file).replace('.queue-meta.xml', ''),
      childrenNamed(r, 'queueSobject').map((qs) => childText(qs, 'sobjectType'))
    );
  }
  const labels = new Set();
  for (const [, r] of byType('CustomLabels')) {
    for (const l of childrenNamed(r, 'labels')) labels.add(childText(l, 'fullName'));
  }
  const emailTemplates = new Set(
    metaFiles
      .filter((f) => f.endsWith('.email-meta.xml'))
      .map((f) => `${basename(dirname(f))}/${basename(f).replace('.email-meta.xml', '')}`)
  );
  const tabs = namesOf('CustomTab', 'tab');
  const sourceFiles = (ext) => files.filter((f) => f.endsWith(ext));

  return {
    sourceDir,
    files,
    metaFiles,
    parsed,
    parseErrors,
    problems,
    report,
    byType,
    objects,
    objectOf,
    isKnownObject,
    projectObject,
    fieldExists,
    picklist,
    picklistValues,
    checkPicklistValue,
    checkFieldRef,
    relationshipNames,
    childRelationship,
    lookupTarget,
    namesOf,
    tabs: withDeps(tabs, (d) => d.tabs),
    tabExists: (t) => t.startsWith('standard-') || tabs.has(t) || deps.some((d) => d.tabExists(t)),
    apps: namesWithDeps('CustomApplication', 'app'),
    groups: namesWithDeps('Group', 'group'),
    roles: namesWithDeps('Role', 'role'),
    queues: new Map([...deps.flatMap((d) => [...d.queues]), ...queues]),
    labels: withDeps(labels, (d) => d.labels),
    emailTemplates: withDeps(emailTemplates, (d) => d.emailTemplates),
    messageChannels: namesWithDeps('LightningMessageChannel', 'messageChannel'),
    customPermissions: namesWithDeps('CustomPermission', 'customPermission'),
    staticResources: namesWithDeps('StaticResource', 'resource'),
    flexipages: namesWithDeps('FlexiPage', 'flexipage'),
    externalCredentials: namesWithDeps('ExternalCredential', 'externalCredential'),
    principals: withDeps(principals, (d) => d.principals),
    // Apex classes and triggers anywhere under the source directory (feature subfolders included).
    classFiles: sourceFiles('.cls'),
    triggerFiles: sourceFiles('.trigger'),
    classes: withDeps(new Set(sourceFiles('.cls').map((f) => basename(f, '.cls'))), (d) => d.classes),
    // The dependencies' Apex, so the Apex model knows what their methods do (callouts, DML).
    dependencyApexFiles: deps.flatMap((d) => [...d.classFiles, ...d.triggerFiles, ...d.dependencyApexFiles]),
    triggers: new Map(sourceFiles('.trigger').map((f) => [basename(f, '.trigger'), readFileSync(f, 'utf8')])),
    lwcBundles: withDeps(
      new Set(
        files
          .filter((f) => f.endsWith('.js-meta.xml') && f.split(sep).includes('lwc'))
          .map((f) => basename(dirname(f)))
      ),
      (d) => d.lwcBundles
    )
  };
}
