import { REGIONS } from 'c/dealVocabulary';
import { LABELS } from './labels';

/** The draft keys the form edits (DealPortalDto.Draft without its id). */
export type DraftKey = Exclude<keyof DealPortalDraft, 'id' | 'fieldsToConfirm'>;

export type SectionKey = 'customer' | 'opportunity' | 'contact' | 'notes';

export type FieldKind =
  | 'text'
  | 'url'
  | 'email'
  | 'tel'
  | 'date'
  | 'number'
  | 'currency'
  | 'textarea'
  | 'combobox';

export interface FieldSpec {
  key: DraftKey;
  section: SectionKey;
  kind: FieldKind;
  label: string;
  help: string;
  placeholder?: string;
  /** API name on Deal_Registration__c: the field's length comes from its describe (getObjectInfo). */
  objectField: string;
  options?: { label: string; value: string }[];
  /** Contract paths of this field (docs/contract.md): pre-check answers and REQUIRED_FIELDS use them. */
  paths: string[];
}

export const SECTIONS: { key: SectionKey; title: string; description: string }[] = [
  { key: 'customer', title: LABELS.Section_Customer, description: LABELS.Section_Customer_Help },
  { key: 'opportunity', title: LABELS.Section_Opportunity, description: LABELS.Section_Opportunity_Help },
  { key: 'contact', title: LABELS.Section_Contact, description: LABELS.Section_Contact_Help },
  { key: 'notes', title: LABELS.Section_Notes, description: LABELS.Section_Notes_Help }
];

// BEGIN GENERATED registrationFields (from vocabulary/vocabulary.json registrationFields by npm run generate): do not edit
/** Per-field data of the registry, by draft key; the form layout (FIELDS) adds section and kind. */
const REGISTRY = {
  customerName: {
    objectField: 'Customer_Name__c',
    paths: ['customer.name'],
    label: LABELS.Field_Customer_Name,
    help: LABELS.Help_Customer_Name
  },
  customerWebsite: {
    objectField: 'Customer_Website__c',
    paths: ['customer.website', 'customer.domain'],
    label: LABELS.Field_Customer_Website,
    help: LABELS.Help_Customer_Website
  },
  customerCountry: {
    objectField: 'Customer_Country__c',
    paths: ['customer.country'],
    label: LABELS.Field_Customer_Country,
    help: LABELS.Help_Customer_Country
  },
  customerRegion: {
    objectField: 'Customer_Region__c',
    paths: ['customer.region'],
    label: LABELS.Field_Customer_Region,
    help: LABELS.Help_Customer_Region
  },
  customerIndustry: {
    objectField: 'Customer_Industry__c',
    paths: ['customer.industry'],
    label: LABELS.Field_Customer_Industry,
    help: LABELS.Help_Customer_Industry
  },
  customerEmployees: {
    objectField: 'Customer_Employees__c',
    paths: ['customer.employees'],
    label: LABELS.Field_Customer_Employees,
    help: LABELS.Help_Customer_Employees
  },
  opportunityName: {
    objectField: 'Opportunity_Name__c',
    paths: ['opportunity.name'],
    label: LABELS.Field_Opportunity_Name,
    help: LABELS.Help_Opportunity_Name
  },
  dealValue: {
    objectField: 'Deal_Value__c',
    paths: ['opportunity.amount'],
    label: LABELS.Field_Deal_Value,
    help: LABELS.Help_Deal_Value
  },
  dealCurrency: {
    objectField: 'Deal_Currency__c',
    paths: ['opportunity.currency'],
    label: LABELS.Field_Deal_Currency,
    help: LABELS.Help_Deal_Currency
  },
  expectedCloseDate: {
    objectField: 'Expected_Close_Date__c',
    paths: ['opportunity.closeDate'],
    label: LABELS.Field_Close_Date,
    help: LABELS.Help_Close_Date
  },
  products: {
    objectField: 'Products__c',
    paths: ['opportunity.products'],
    label: LABELS.Field_Products,
    help: LABELS.Help_Products
  },
  description: {
    objectField: 'Description__c',
    paths: ['opportunity.description'],
    label: LABELS.Field_Description,
    help: LABELS.Help_Description
  },
  contactName: {
    objectField: 'Contact_Name__c',
    paths: ['contact.name'],
    label: LABELS.Field_Contact_Name,
    help: LABELS.Help_Contact_Name
  },
  contactEmail: {
    objectField: 'Contact_Email__c',
    paths: ['contact.email'],
    label: LABELS.Field_Contact_Email,
    help: LABELS.Help_Contact_Email
  },
  contactPhone: {
    objectField: 'Contact_Phone__c',
    paths: ['contact.phone'],
    label: LABELS.Field_Contact_Phone,
    help: LABELS.Help_Contact_Phone
  },
  contactTitle: {
    objectField: 'Contact_Title__c',
    paths: ['contact.title'],
    label: LABELS.Field_Contact_Title,
    help: LABELS.Help_Contact_Title
  },
  partnerResponse: {
    objectField: 'Partner_Response__c',
    paths: [],
    label: LABELS.Field_Partner_Response,
    help: LABELS.Help_Partner_Response
  }
} satisfies Record<DraftKey, Pick<FieldSpec, 'objectField' | 'paths' | 'label' | 'help'>>;
// END GENERATED registrationFields

export const FIELDS: FieldSpec[] = [
  {
    key: 'customerName',
    section: 'customer',
    kind: 'text',
    ...REGISTRY.customerName
  },
  {
    key: 'customerWebsite',
    section: 'customer',
    kind: 'url',
    placeholder: 'https://',
    ...REGISTRY.customerWebsite
  },
  {
    key: 'customerCountry',
    section: 'customer',
    kind: 'text',
    ...REGISTRY.customerCountry
  },
  {
    key: 'customerRegion',
    section: 'customer',
    kind: 'combobox',
    options: REGIONS.map((r) => ({ label: r, value: r })),
    ...REGISTRY.customerRegion
  },
  {
    key: 'customerIndustry',
    section: 'customer',
    kind: 'text',
    ...REGISTRY.customerIndustry
  },
  {
    key: 'customerEmployees',
    section: 'customer',
    kind: 'number',
    ...REGISTRY.customerEmployees
  },
  {
    key: 'opportunityName',
    section: 'opportunity',
    kind: 'text',
    ...REGISTRY.opportunityName
  },
  {
    key: 'dealValue',
    section: 'opportunity',
    kind: 'currency',
    ...REGISTRY.dealValue
  },
  {
    key: 'dealCurrency',
    section: 'opportunity',
    kind: 'text',
    ...REGISTRY.dealCurrency
  },
  {
    key: 'expectedCloseDate',
    section: 'opportunity',
    kind: 'date',
    ...REGISTRY.expectedCloseDate
  },
  {
    key: 'products',
    section: 'opportunity',
    kind: 'text',
    ...REGISTRY.products
  },
  {
    key: 'contactName',
    section: 'contact',
    kind: 'text',
    ...REGISTRY.contactName
  },
  {
    key: 'contactEmail',
    section: 'contact',
    kind: 'email',
    ...REGISTRY.contactEmail
  },
  {
    key: 'contactPhone',
    section: 'contact',
    kind: 'tel',
    ...REGISTRY.contactPhone
  },
  {
    key: 'contactTitle',
    section: 'contact',
    kind: 'text',
    ...REGISTRY.contactTitle
  },
  {
    key: 'description',
    section: 'notes',
    kind: 'textarea',
    ...REGISTRY.description
  },
  {
    key: 'partnerResponse',
    section: 'notes',
    kind: 'textarea',
    ...REGISTRY.partnerResponse
  }
];

/** The form field a contract path ("contact.email") belongs to. */
export function fieldOfPath(path: string): DraftKey | undefined {
  return FIELDS.find((f) => f.paths.includes(path))?.key;
}

/** The label of the field a contract path belongs to ("contact.phone" -> "Contact phone"); the path when unknown. */
export function labelOfPath(path: string): string {
  return FIELDS.find((f) => f.paths.includes(path))?.label ?? path;
}

/** The label of a form field. */
export function labelOfField(key: DraftKey): string {
  return FIELDS.find((f) => f.key === key)?.label ?? key;
}

/**
 * The form fields required to submit, from the contract paths the vocabulary marks required
 * (REQUIRED_FIELDS of c/dealVocabulary); the answer to a request for more information is required too.
 */
export function requiredKeys(requiredPaths: readonly string[], moreInfoRequested: boolean): Set<DraftKey> {
  const keys = new Set<DraftKey>();
  FIELDS.forEach((f) => {
    if (f.paths.some((p) => requiredPaths.includes(p))) keys.add(f.key);
  });
  if (moreInfoRequested) keys.add('partnerResponse');
  return keys;
}

/** Field describe as getObjectInfo (lightning/uiObjectInfoApi) returns it; only the length is read. */
export interface ObjectInfoLike {
  fields?: Record<string, { length?: number | null } | undefined>;
}

/**
 * Each text field's maximum length from the object's describe. A field whose describe has no
 * positive length (numbers, dates, picklists) gets none; before the describe arrives there are none,
 * and the server's own checks still apply.
 */
export function maxLengthsOf(info: ObjectInfoLike | undefined | null): Partial<Record<DraftKey, number>> {
  const lengths: Partial<Record<DraftKey, number>> = {};
  if (!info || !info.fields) return lengths;
  FIELDS.forEach((f) => {
    const length = info.fields?.[f.objectField]?.length;
    if (typeof length === 'number' && length > 0) lengths[f.key] = length;
  });
  return lengths;
}

/** /v1/parse field names (docs/contract.md) to form fields. */
const PARSE_MAP: Record<string, DraftKey> = {
  customerName: 'customerName',
  customerDomain: 'customerWebsite',
  opportunityName: 'opportunityName',
  amount: 'dealValue',
  currency: 'dealCurrency',
  closeDate: 'expectedCloseDate',
  products: 'products',
  contactName: 'contactName',
  contactEmail: 'contactEmail',
  contactPhone: 'contactPhone',
  contactTitle: 'contactTitle',
  summary: 'description'
};

/** Form fields named by /v1/parse field names (email intake's Fields_To_Confirm__c); unknown names are left out. */
export function keysOfParseNames(names: readonly string[] | null | undefined): DraftKey[] {
  const keys: DraftKey[] = [];
  (names ?? []).forEach((name) => {
    const key = PARSE_MAP[name];
    if (key && !keys.includes(key)) keys.push(key);
  });
  return keys;
}

/** The /v1/parse field names of form fields: the inverse of keysOfParseNames. */
export function parseNamesOfKeys(keys: readonly DraftKey[]): string[] {
  return Object.entries(PARSE_MAP)
    .filter(([, key]) => keys.includes(key))
    .map(([name]) => name);
}

export interface ParsedValue {
  key: DraftKey;
  value: string | number;
  confidence: number;
}

/** Turns the parse result's fields into form values, dropping empty and malformed ones. */
export function fromParsedFields(
  fields: Record<string, unknown>,
  confidence: Record<string, number>
): ParsedValue[] {
  const out: ParsedValue[] = [];
  Object.entries(PARSE_MAP).forEach(([source, key]) => {
    const raw = fields[source];
    let value: string | number | undefined;
    if (Array.isArray(raw)) {
      const items = raw.filter((x): x is string => typeof x === 'string' && x.trim().length > 0);
      value = items.length > 0 ? items.join('; ') : undefined;
    } else if (key === 'dealValue') {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
      value = Number.isFinite(n) && n >= 0 ? n : undefined;
    } else if (typeof raw === 'string' && raw.trim()) {
      value = raw.trim();
    } else if (typeof raw === 'number') {
      value = String(raw);
    }
    if (value === undefined) return;
    const c = confidence[source];
    out.push({ key, value, confidence: typeof c === 'number' ? c : 1 });
  });
  return out;
}

/** Same rule as the Contact_Email_Well_Formed validation rule. */
const EMAIL = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
const CURRENCY = /^[A-Z]{3}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ValidationRules {
  /** Fields required to submit (requiredKeys). */
  required: Set<DraftKey>;
  /** Maximum lengths from the field describe (maxLengthsOf). */
  maxLengths: Partial<Record<DraftKey, number>>;
}

/**
 * The form's own checks, so it works the same whether or not the scoring function answers.
 * mode 'draft' checks formats and lengths only; 'submit' also checks what is required to submit.
 */
export function validateDraft(
  draft: DealPortalDraft,
  mode: 'draft' | 'submit',
  rules: ValidationRules
): Partial<Record<DraftKey, string>> {
  const errors: Partial<Record<DraftKey, string>> = {};
  const text = (key: DraftKey): string => {
    const v = draft[key];
    return v === null || v === undefined ? '' : String(v).trim();
  };
  if (mode === 'submit') {
    FIELDS.filter((f) => rules.required.has(f.key)).forEach((f) => {
      if (!text(f.key)) {
        errors[f.key] =
          f.key === 'partnerResponse' ? LABELS.Validation_Response_Required : LABELS.Validation_Required;
      }
    });
  }
  FIELDS.forEach((f) => {
    const max = rules.maxLengths[f.key];
    if (max && text(f.key).length > max && !errors[f.key]) {
      errors[f.key] = LABELS.Validation_Too_Long;
    }
  });
  if (text('contactEmail') && !EMAIL.test(text('contactEmail')))
    errors.contactEmail = LABELS.Validation_Email;
  if (text('dealCurrency') && !CURRENCY.test(text('dealCurrency').toUpperCase())) {
    errors.dealCurrency = LABELS.Validation_Currency;
  }
  const value = draft.dealValue;
  if (value !== null && value !== undefined && (!Number.isFinite(value) || value < 0)) {
    errors.dealValue = LABELS.Validation_Not_Negative;
  }
  const employees = draft.customerEmployees;
  if (
    employees !== null &&
    employees !== undefined &&
    (!Number.isFinite(employees) || employees < 0 || !Number.isInteger(employees))
  ) {
    errors.customerEmployees = LABELS.Validation_Whole_Number;
  }
  const website = text('customerWebsite');
  if (website && !/^(https?:\/\/)?[^\s/]+\.[^\s]+$/i.test(website))
    errors.customerWebsite = LABELS.Validation_Website;
  const close = text('expectedCloseDate');
  if (close && !DATE.test(close)) errors.expectedCloseDate = LABELS.Validation_Date;
  return errors;
}
