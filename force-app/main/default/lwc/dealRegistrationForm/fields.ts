import { LABELS } from './labels';

/** The draft keys the form edits (DealPortalDto.Draft without its id). */
export type DraftKey = Exclude<keyof DealPortalDraft, 'id'>;

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
  /** Required to submit (a draft can always be saved). */
  required: boolean;
  maxLength?: number;
  options?: { label: string; value: string }[];
  /** Paths the scoring function's pre-check uses for this field (docs/contract.md). */
  precheckPaths: string[];
}

export const SECTIONS: { key: SectionKey; title: string; description: string }[] = [
  { key: 'customer', title: LABELS.Section_Customer, description: LABELS.Section_Customer_Help },
  { key: 'opportunity', title: LABELS.Section_Opportunity, description: LABELS.Section_Opportunity_Help },
  { key: 'contact', title: LABELS.Section_Contact, description: LABELS.Section_Contact_Help },
  { key: 'notes', title: LABELS.Section_Notes, description: LABELS.Section_Notes_Help }
];

const REGIONS = ['NA', 'EMEA', 'APAC', 'LATAM'];

export const FIELDS: FieldSpec[] = [
  {
    key: 'customerName',
    section: 'customer',
    kind: 'text',
    label: LABELS.Field_Customer_Name,
    help: LABELS.Help_Customer_Name,
    required: true,
    maxLength: 255,
    precheckPaths: ['customer.name']
  },
  {
    key: 'customerWebsite',
    section: 'customer',
    kind: 'url',
    label: LABELS.Field_Customer_Website,
    help: LABELS.Help_Customer_Website,
    placeholder: 'https://',
    required: false,
    maxLength: 255,
    precheckPaths: ['customer.website', 'customer.domain']
  },
  {
    key: 'customerCountry',
    section: 'customer',
    kind: 'text',
    label: LABELS.Field_Customer_Country,
    help: LABELS.Help_Customer_Country,
    required: false,
    maxLength: 80,
    precheckPaths: ['customer.country']
  },
  {
    key: 'customerRegion',
    section: 'customer',
    kind: 'combobox',
    label: LABELS.Field_Customer_Region,
    help: LABELS.Help_Customer_Region,
    required: false,
    options: REGIONS.map((r) => ({ label: r, value: r })),
    precheckPaths: ['customer.region']
  },
  {
    key: 'customerIndustry',
    section: 'customer',
    kind: 'text',
    label: LABELS.Field_Customer_Industry,
    help: LABELS.Help_Customer_Industry,
    required: false,
    maxLength: 80,
    precheckPaths: ['customer.industry']
  },
  {
    key: 'customerEmployees',
    section: 'customer',
    kind: 'number',
    label: LABELS.Field_Customer_Employees,
    help: LABELS.Help_Customer_Employees,
    required: false,
    precheckPaths: ['customer.employees']
  },
  {
    key: 'opportunityName',
    section: 'opportunity',
    kind: 'text',
    label: LABELS.Field_Opportunity_Name,
    help: LABELS.Help_Opportunity_Name,
    required: false,
    maxLength: 120,
    precheckPaths: ['opportunity.name']
  },
  {
    key: 'dealValue',
    section: 'opportunity',
    kind: 'currency',
    label: LABELS.Field_Deal_Value,
    help: LABELS.Help_Deal_Value,
    required: false,
    precheckPaths: ['opportunity.amount']
  },
  {
    key: 'dealCurrency',
    section: 'opportunity',
    kind: 'text',
    label: LABELS.Field_Deal_Currency,
    help: LABELS.Help_Deal_Currency,
    required: false,
    maxLength: 3,
    precheckPaths: ['opportunity.currency']
  },
  {
    key: 'expectedCloseDate',
    section: 'opportunity',
    kind: 'date',
    label: LABELS.Field_Close_Date,
    help: LABELS.Help_Close_Date,
    required: true,
    precheckPaths: ['opportunity.closeDate']
  },
  {
    key: 'products',
    section: 'opportunity',
    kind: 'text',
    label: LABELS.Field_Products,
    help: LABELS.Help_Products,
    required: false,
    maxLength: 255,
    precheckPaths: ['opportunity.products']
  },
  {
    key: 'contactName',
    section: 'contact',
    kind: 'text',
    label: LABELS.Field_Contact_Name,
    help: LABELS.Help_Contact_Name,
    required: false,
    maxLength: 120,
    precheckPaths: ['contact.name']
  },
  {
    key: 'contactEmail',
    section: 'contact',
    kind: 'email',
    label: LABELS.Field_Contact_Email,
    help: LABELS.Help_Contact_Email,
    required: false,
    maxLength: 80,
    precheckPaths: ['contact.email']
  },
  {
    key: 'contactPhone',
    section: 'contact',
    kind: 'tel',
    label: LABELS.Field_Contact_Phone,
    help: LABELS.Help_Contact_Phone,
    required: false,
    maxLength: 40,
    precheckPaths: ['contact.phone']
  },
  {
    key: 'contactTitle',
    section: 'contact',
    kind: 'text',
    label: LABELS.Field_Contact_Title,
    help: LABELS.Help_Contact_Title,
    required: false,
    maxLength: 128,
    precheckPaths: ['contact.title']
  },
  {
    key: 'description',
    section: 'notes',
    kind: 'textarea',
    label: LABELS.Field_Description,
    help: LABELS.Help_Description,
    required: false,
    maxLength: 32000,
    precheckPaths: ['opportunity.description']
  },
  {
    key: 'partnerResponse',
    section: 'notes',
    kind: 'textarea',
    label: LABELS.Field_Partner_Response,
    help: LABELS.Help_Partner_Response,
    required: false,
    maxLength: 32000,
    precheckPaths: []
  }
];

/** Maps a pre-check path ("contact.email") to the form field that fixes it. */
export function fieldOfPrecheckPath(path: string): DraftKey | undefined {
  return FIELDS.find((f) => f.precheckPaths.includes(path))?.key;
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

/**
 * The form's own checks, so it works even when the scoring function does not answer.
 * mode 'draft' checks formats only; 'submit' also checks what is required to submit.
 */
export function validateDraft(
  draft: DealPortalDraft,
  mode: 'draft' | 'submit',
  moreInfoRequested: boolean
): Partial<Record<DraftKey, string>> {
  const errors: Partial<Record<DraftKey, string>> = {};
  const text = (key: DraftKey): string => {
    const v = draft[key];
    return v === null || v === undefined ? '' : String(v).trim();
  };
  if (mode === 'submit') {
    FIELDS.filter((f) => f.required).forEach((f) => {
      if (!text(f.key)) errors[f.key] = LABELS.Validation_Required;
    });
    if (moreInfoRequested && !text('partnerResponse'))
      errors.partnerResponse = LABELS.Validation_Response_Required;
  }
  FIELDS.forEach((f) => {
    if (f.maxLength && text(f.key).length > f.maxLength && !errors[f.key]) {
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
