// The registration field registry (`registrationFields` in vocabulary/vocabulary.json): every
// partner-facing Deal_Registration__c field described once. scripts/generate-vocabulary.mjs imports
// this module; it derives the vocabulary's `requiredFields` and `fieldLabels` from the registry and
// rewrites, in place, the parts of hand-written files that copy it:
//   - the four permission sets: the fieldPermissions entry of every registry field (added, changed
//     or removed; every other line stays as it is),
//   - the custom labels DR_Portal_Field_<labelName> / DR_Portal_Help_<labelName>,
//   - regions between `BEGIN GENERATED <name>` and `END GENERATED <name>` comments in
//     DealPortalDto (Draft properties), DealPortalMapper (the straight copies both ways),
//     DealRegistrationSelector (PORTAL_FIELDS) and types/lwc/apex.d.ts (DealPortalDraft).
// Everything outside those entries and regions is left byte for byte.
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

const SOURCE = 'vocabulary/vocabulary.json registrationFields, npm run generate';

// ---------------------------------------------------------------------------------------------
// Schema
const FIELD_TYPES = [
  'Text',
  'Url',
  'Email',
  'Phone',
  'Picklist',
  'LongTextArea',
  'Number',
  'Currency',
  'Date'
];
const Access = Type.Union([Type.Literal('read'), Type.Literal('edit')]);
const RegistryField = Type.Object(
  {
    /** API name on the object. */
    field: Type.String({ pattern: '^[A-Z][A-Za-z0-9_]*__c$' }),
    /** Property of DealPortalDto.Draft and DealPortalDraft; absent: not on the portal form. */
    draftKey: Type.Optional(Type.String({ pattern: '^[a-z][A-Za-z0-9]*$' })),
    /** Path in the function's request (docs/contract.md); absent: not sent. */
    contractPath: Type.Optional(
      Type.String({ pattern: '^(customer|opportunity|contact|partner)\\.[a-z][A-Za-z]*$' })
    ),
    /** Label the function uses for the path (hints, missingFields); present: the function checks it. */
    contractLabel: Type.Optional(Type.String({ minLength: 1 })),
    /** The portal field (draft key) that answers for this field's contract path on the form (pre-check). */
    answeredBy: Type.Optional(Type.String({ pattern: '^[a-z][A-Za-z0-9]*$' })),
    type: Type.Union(FIELD_TYPES.map((t) => Type.Literal(t))),
    length: Type.Optional(Type.Integer({ minimum: 1, maximum: 131072 })),
    precision: Type.Optional(Type.Integer({ minimum: 1, maximum: 18 })),
    scale: Type.Optional(Type.Integer({ minimum: 0, maximum: 17 })),
    /** Required before the registration can be decided (the vocabulary's requiredFields). */
    required: Type.Boolean(),
    /** ApexDoc of the DTO property. */
    description: Type.String({ minLength: 1 }),
    /** Custom labels DR_Portal_Field_<labelName> (label) and DR_Portal_Help_<labelName> (help). */
    labelName: Type.Optional(Type.String({ pattern: '^[A-Z][A-Za-z0-9]*(_[A-Z][A-Za-z0-9]*)*$' })),
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    help: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    /** The mapper upper-cases the value on save (currency codes). */
    upperCase: Type.Optional(Type.Boolean()),
    /** false: DealPortalValidator checks a hand-written format instead of the length (currency codes). */
    lengthCheck: Type.Optional(Type.Boolean()),
    /** 'toDto': only record -> DTO is generated; the save is hand-written in DealPortalMapper.toRecord. */
    copy: Type.Optional(Type.Union([Type.Literal('both'), Type.Literal('toDto')])),
    /** The partner may change it (the partner permission set then grants edit). */
    partnerEditable: Type.Boolean(),
    /** Field permission by permission set; a set not named grants nothing. */
    access: Type.Record(Type.String({ pattern: '^[A-Z][A-Za-z0-9_]*$' }), Access)
  },
  { additionalProperties: false }
);
export const RegistrationFieldsSchema = Type.Object(
  {
    object: Type.String({ pattern: '^[A-Z][A-Za-z0-9_]*__c$' }),
    /** The permission sets whose entries for these fields the generator owns; the first is the partners'. */
    permissionSets: Type.Array(Type.String({ pattern: '^[A-Z][A-Za-z0-9_]*$' }), {
      minItems: 1,
      uniqueItems: true
    }),
    fields: Type.Array(RegistryField, { minItems: 1 })
  },
  { additionalProperties: false }
);

const isText = (f) => !['Number', 'Currency', 'Date'].includes(f.type);
const NEEDS_LENGTH = ['Text', 'LongTextArea'];
const NEEDS_PRECISION = ['Number', 'Currency'];

/** Cross-references the schema cannot express, each naming the field. */
export function registryErrors(r) {
  const errors = [];
  const seen = (key) => {
    const s = new Set();
    return (value, at) => {
      if (value === undefined) return;
      if (s.has(value)) errors.push(`${at}/${key}: ${value} appears twice`);
      s.add(value);
    };
  };
  const [api, draft, path, label] = ['field', 'draftKey', 'contractPath', 'labelName'].map(seen);
  const partnerSet = r.permissionSets[0];
  r.fields.forEach((f, i) => {
    const at = `/registrationFields/fields/${i} (${f.field})`;
    api(f.field, at);
    draft(f.draftKey, at);
    path(f.contractPath, at);
    label(f.labelName, at);
    if (NEEDS_LENGTH.includes(f.type) && f.length === undefined)
      errors.push(`${at}/length: a ${f.type} needs one`);
    if (!NEEDS_LENGTH.includes(f.type) && f.length !== undefined)
      errors.push(`${at}/length: a ${f.type} has none`);
    if (NEEDS_PRECISION.includes(f.type) !== (f.precision !== undefined && f.scale !== undefined))
      errors.push(
        `${at}/precision: ${NEEDS_PRECISION.includes(f.type) ? 'needed' : 'only for numbers'} (with scale)`
      );
    if (f.required && (f.contractPath === undefined || f.contractLabel === undefined))
      errors.push(`${at}/required: a required field needs a contractPath and a contractLabel`);
    if (f.contractLabel !== undefined && f.contractPath === undefined)
      errors.push(`${at}/contractLabel: needs a contractPath`);
    if (
      (f.labelName === undefined) !== (f.label === undefined) ||
      (f.label === undefined) !== (f.help === undefined)
    )
      errors.push(`${at}/labelName: labelName, label and help go together`);
    if (f.draftKey !== undefined && f.labelName === undefined)
      errors.push(`${at}/labelName: a portal field (draftKey) needs its label and help`);
    if (f.answeredBy !== undefined && !r.fields.some((o) => o.draftKey === f.answeredBy))
      errors.push(`${at}/answeredBy: no field has draftKey ${f.answeredBy}`);
    if (f.answeredBy !== undefined && (f.draftKey !== undefined || f.contractPath === undefined))
      errors.push(`${at}/answeredBy: only for a contract path that is not on the form itself`);
    if (f.upperCase && !isText(f)) errors.push(`${at}/upperCase: only for text`);
    if (f.partnerEditable && f.draftKey === undefined)
      errors.push(`${at}/partnerEditable: a field the partner edits needs a draftKey`);
    for (const set of Object.keys(f.access)) {
      if (!r.permissionSets.includes(set)) errors.push(`${at}/access: unknown permission set ${set}`);
    }
    const partner = f.access[partnerSet];
    if (f.partnerEditable && partner !== 'edit')
      errors.push(`${at}/access: partnerEditable, so ${partnerSet} must grant edit`);
    if (!f.partnerEditable && partner === 'edit')
      errors.push(`${at}/access: not partnerEditable, so ${partnerSet} must not grant edit`);
    if (f.draftKey !== undefined && partner === undefined)
      errors.push(`${at}/access: on the portal (draftKey), so ${partnerSet} must grant it`);
  });
  return errors;
}

/** The vocabulary as the other generators see it: requiredFields and fieldLabels from the registry. */
export function deriveVocabulary(v) {
  const out = {};
  for (const [key, value] of Object.entries(v)) {
    if (key !== 'registrationFields') {
      out[key] = value;
      continue;
    }
    out.requiredFields = value.fields.filter((f) => f.required).map((f) => f.contractPath);
    out.fieldLabels = Object.fromEntries(
      value.fields.filter((f) => f.contractLabel !== undefined).map((f) => [f.contractPath, f.contractLabel])
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// In-place rewriting

/** Replaces the lines between the `BEGIN GENERATED <name>` and `END GENERATED <name>` comments. */
export function replaceRegion(text, path, name, lines) {
  const all = text.split('\n');
  const begin = all.findIndex(
    (l) => l.includes(`BEGIN GENERATED ${name} `) || l.endsWith(`BEGIN GENERATED ${name}`)
  );
  const end = all.findIndex((l, i) => i > begin && l.includes(`END GENERATED ${name}`));
  if (begin < 0 || end < 0) throw new Error(`${path}: no BEGIN/END GENERATED ${name} comments`);
  const indent = all[begin].match(/^\s*/)[0];
  return [...all.slice(0, begin + 1), ...lines.map((l) => (l ? indent + l : l)), ...all.slice(end)].join(
    '\n'
  );
}

const portal = (r) => r.fields.filter((f) => f.draftKey !== undefined);
const apexType = (f) => (NEEDS_PRECISION.includes(f.type) ? 'Decimal' : 'String');
const tsType = (f) => (NEEDS_PRECISION.includes(f.type) ? 'number' : 'string');

function dtoLines(r) {
  return portal(r).flatMap((f) => [
    `/** @description ${f.description} */`,
    '@AuraEnabled',
    `public ${apexType(f)} ${f.draftKey} { get; set; }`
  ]);
}

function toDtoLines(r) {
  return portal(r).map((f) =>
    f.type === 'Date'
      ? `r.${f.draftKey} = d.${f.field} == null ? null : String.valueOf(d.${f.field});`
      : `r.${f.draftKey} = d.${f.field};`
  );
}

function toRecordLines(r) {
  return portal(r)
    .filter((f) => f.copy !== 'toDto')
    .flatMap((f) => {
      if (f.type === 'Date') return [`r.${f.field} = DealPortalValidator.parseDate(draft.${f.draftKey});`];
      if (!isText(f)) return [`r.${f.field} = draft.${f.draftKey};`];
      if (!f.upperCase) return [`r.${f.field} = DealPortalValidator.clean(draft.${f.draftKey});`];
      const local = `${f.draftKey}Clean`;
      return [
        `String ${local} = DealPortalValidator.clean(draft.${f.draftKey});`,
        `r.${f.field} = ${local} == null ? null : ${local}.toUpperCase();`
      ];
    });
}

/** Text the partner types is checked against the field's length (from the describe). */
function validatorLines(r) {
  return portal(r)
    .filter((f) => isText(f) && f.type !== 'Picklist' && f.lengthCheck !== false)
    .map((f) => `checkLength(errors, d.${f.draftKey}, ${r.object}.${f.field});`);
}

function selectorLines(r) {
  return portal(r).map((f) => `'${f.field}',`);
}

/** The scoring flow selects every field sent to the function. */
function scoringSelectorLines(r) {
  return r.fields.filter((f) => f.contractPath !== undefined).map((f) => `'${f.field}',`);
}

function dtsLines(r) {
  return portal(r).map((f) => `${f.draftKey}?: ${tsType(f)} | null;`);
}

/** Contract paths the form field answers for: its own, then those of fields it answers for. */
const formPaths = (r, f) => [
  ...(f.contractPath ? [f.contractPath] : []),
  ...r.fields.filter((o) => o.answeredBy === f.draftKey).map((o) => o.contractPath)
];

function lwcLabelImportLines(r) {
  return ['Field', 'Help'].flatMap((kind) =>
    portal(r).map(
      (f) => `import ${kind}_${f.labelName} from '@salesforce/label/c.DR_Portal_${kind}_${f.labelName}';`
    )
  );
}

function lwcLabelMemberLines(r) {
  return ['Field', 'Help'].flatMap((kind) => portal(r).map((f) => `${kind}_${f.labelName},`));
}

function lwcFieldDataLines(r) {
  const str = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return [
    '/** Per-field data of the registry, by draft key; the form layout (FIELDS) adds section and kind. */',
    'const REGISTRY = {',
    ...portal(r).map(
      (f) =>
        `  ${f.draftKey}: { objectField: ${str(f.field)}, paths: [${formPaths(r, f).map(str).join(', ')}], label: LABELS.Field_${f.labelName}, help: LABELS.Help_${f.labelName} },`
    ),
    "} satisfies Record<DraftKey, Pick<FieldSpec, 'objectField' | 'paths' | 'label' | 'help'>>;"
  ];
}

const xmlEscape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Sets the fieldPermissions entry of every registry field in one permission set. */
export function rewritePermissionSet(text, path, r, set) {
  const entry = (field, access) =>
    `  <fieldPermissions>\n    <editable>${access === 'edit'}</editable>\n    <field>${r.object}.${field}</field>\n    <readable>true</readable>\n  </fieldPermissions>\n`;
  const block = (field) =>
    new RegExp(
      `  <fieldPermissions>\\n    <editable>(true|false)</editable>\\n    <field>${r.object}\\.${field}</field>\\n    <readable>(true|false)</readable>\\n  </fieldPermissions>\\n`
    );
  let out = text;
  for (const f of r.fields) {
    const access = f.access[set];
    const found = out.match(block(f.field));
    if (found && access) out = out.replace(block(f.field), entry(f.field, access));
    else if (found) out = out.replace(block(f.field), '');
    else if (access) {
      // After the object's last field permission, else before the first one, else before </PermissionSet>.
      const mine = [
        ...out.matchAll(new RegExp(`<field>${r.object}\\.[^<]+</field>\\n.*\\n  </fieldPermissions>\\n`, 'g'))
      ];
      const last = mine.at(-1);
      const at = last
        ? last.index + last[0].length
        : out.indexOf('  <fieldPermissions>') >= 0
          ? out.indexOf('  <fieldPermissions>')
          : out.indexOf('</PermissionSet>');
      if (at < 0) throw new Error(`${path}: not a permission set`);
      out = out.slice(0, at) + entry(f.field, access) + out.slice(at);
    }
  }
  return out;
}

/** Sets the value of DR_Portal_Field_<labelName> / DR_Portal_Help_<labelName>, adding missing ones. */
export function rewriteLabels(text, path, r) {
  let out = text;
  const labelled = r.fields.filter((f) => f.labelName !== undefined);
  for (const kind of ['Field', 'Help']) {
    for (const f of labelled) {
      const name = `DR_Portal_${kind}_${f.labelName}`;
      const value = xmlEscape(kind === 'Field' ? f.label : f.help);
      const re = new RegExp(`(<fullName>${name}</fullName>[\\s\\S]*?<value>)([\\s\\S]*?)(</value>)`);
      if (re.test(out)) {
        out = out.replace(re, (_m, a, _b, c) => `${a}${value}${c}`);
        continue;
      }
      const block = `  <labels>\n    <fullName>${name}</fullName>\n    <categories>DealRegistrationPortal</categories>\n    <language>en_US</language>\n    <protected>false</protected>\n    <shortDescription>Portal: ${kind} ${f.labelName.replace(/_/g, ' ')}</shortDescription>\n    <value>${value}</value>\n  </labels>\n`;
      const same = [
        ...out.matchAll(new RegExp(`<fullName>DR_Portal_${kind}_[^<]+</fullName>[\\s\\S]*?</labels>\\n`, 'g'))
      ];
      const last = same.at(-1);
      const at = last ? last.index + last[0].length : out.indexOf('</CustomLabels>');
      if (at < 0) throw new Error(`${path}: not a custom labels file`);
      out = out.slice(0, at) + block + out.slice(at);
    }
  }
  return out;
}

const region = (name, lines) => (text, path, r) => replaceRegion(text, path, name, lines(r));
const chain =
  (...steps) =>
  (text, path, r) =>
    steps.reduce((t, step) => step(t, path, r), text);

const main = 'force-app/main/default';
/** Hand-written files with generated parts: path -> (current text, path, registry) -> new text. */
export const IN_PLACE = {
  [`${main}/classes/registration/DealPortalDto.cls`]: region('registrationFields', dtoLines),
  [`${main}/classes/registration/DealPortalMapper.cls`]: chain(
    region('registrationFields.toDto', toDtoLines),
    region('registrationFields.toRecord', toRecordLines)
  ),
  [`${main}/classes/registration/DealPortalValidator.cls`]: region('registrationFields', validatorLines),
  [`${main}/classes/registration/DealRegistrationSelector.cls`]: chain(
    region('registrationFields.scoring', scoringSelectorLines),
    region('registrationFields', selectorLines)
  ),
  'types/lwc/apex.d.ts': region('registrationFields', dtsLines),
  [`${main}/lwc/dealFields/labels.ts`]: chain(
    region('registrationFields.imports', lwcLabelImportLines),
    region('registrationFields.labels', lwcLabelMemberLines)
  ),
  [`${main}/lwc/dealFields/fields.ts`]: region('registrationFields', lwcFieldDataLines),
  [`${main}/labels/CustomLabels.labels-meta.xml`]: rewriteLabels
};
/** The permission sets the registry owns entries in. */
export const permissionSetPath = (set) => `${main}/permissionsets/${set}.permissionset-meta.xml`;

export { SOURCE };
