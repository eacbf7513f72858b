/**
 * Which deal fields are required to decide, which help, and the hint a partner sees for each.
 * Required-ness and labels come from the shared vocabulary (vocabulary/vocabulary.json).
 * Shared by scoring (missingFields, completeness factors) and precheck.
 */
import type { Contact, Customer, Opportunity } from '../schemas';
import { VOCABULARY } from '../vocabulary';

export interface DraftLike {
  customer?: Partial<Customer>;
  opportunity?: Opportunity;
  contact?: Contact;
}

export interface FieldRule {
  field: string;
  required: boolean;
  label: string;
  hint: string;
  present: (d: DraftLike) => boolean;
}

const has = (v: unknown): boolean =>
  v !== undefined &&
  v !== null &&
  (typeof v !== 'string' || v.trim().length > 0) &&
  (!Array.isArray(v) || v.length > 0);

const REQUIRED: ReadonlySet<string> = new Set(VOCABULARY.requiredFields);
type FieldPath = keyof typeof VOCABULARY.fieldLabels;

/** Whether a contract path is required, and its label: both from the shared vocabulary. */
function fromVocabulary(field: FieldPath): Pick<FieldRule, 'field' | 'required' | 'label'> {
  return { field, required: REQUIRED.has(field), label: VOCABULARY.fieldLabels[field] };
}

export const FIELD_RULES: readonly FieldRule[] = [
  {
    ...fromVocabulary('customer.name'),
    hint: "Enter the customer's company name as it appears on their letterhead.",
    present: (d) => has(d.customer?.name)
  },
  {
    ...fromVocabulary('opportunity.amount'),
    hint: 'Enter the estimated deal value in the deal currency.',
    present: (d) => has(d.opportunity?.amount)
  },
  {
    ...fromVocabulary('opportunity.closeDate'),
    hint: 'Enter the date you expect the customer to sign (YYYY-MM-DD).',
    present: (d) => has(d.opportunity?.closeDate)
  },
  {
    ...fromVocabulary('contact.name'),
    hint: "Name the customer's primary contact for this deal.",
    present: (d) => has(d.contact?.name)
  },
  {
    ...fromVocabulary('contact.email'),
    hint: "Add the contact's business email address at the customer's domain.",
    present: (d) => has(d.contact?.email)
  },
  {
    ...fromVocabulary('customer.domain'),
    hint: "Add the customer's website so we can recognise existing records.",
    present: (d) => has(d.customer?.domain) || has(d.customer?.website)
  },
  {
    ...fromVocabulary('customer.country'),
    hint: 'Add the country where the customer will buy.',
    present: (d) => has(d.customer?.country)
  },
  {
    ...fromVocabulary('customer.region'),
    hint: 'Pick the sales region (NA, EMEA, APAC or LATAM).',
    present: (d) => has(d.customer?.region)
  },
  {
    ...fromVocabulary('customer.industry'),
    hint: "Add the customer's industry.",
    present: (d) => has(d.customer?.industry)
  },
  {
    ...fromVocabulary('customer.employees'),
    hint: 'Add the approximate number of employees.',
    present: (d) => has(d.customer?.employees)
  },
  {
    ...fromVocabulary('opportunity.name'),
    hint: 'Give the opportunity a short name, e.g. "Acme ERP rollout".',
    present: (d) => has(d.opportunity?.name)
  },
  {
    ...fromVocabulary('opportunity.products'),
    hint: 'List the products the customer is evaluating.',
    present: (d) => has(d.opportunity?.products)
  },
  {
    ...fromVocabulary('opportunity.description'),
    hint: 'Describe the project: the need, the decision process and your role (two or three sentences).',
    present: (d) => has(d.opportunity?.description)
  },
  {
    ...fromVocabulary('contact.phone'),
    hint: "Add the contact's phone number.",
    present: (d) => has(d.contact?.phone)
  },
  {
    ...fromVocabulary('contact.title'),
    hint: "Add the contact's job title (e.g. CIO, IT Director).",
    present: (d) => has(d.contact?.title)
  }
];

export interface FieldCheck {
  missingRequired: FieldRule[];
  missingHelpful: FieldRule[];
  requiredTotal: number;
  helpfulTotal: number;
  /** 0-100; required fields weigh twice as much as helpful ones. */
  completeness: number;
}

export function checkFields(d: DraftLike): FieldCheck {
  const missingRequired: FieldRule[] = [];
  const missingHelpful: FieldRule[] = [];
  let requiredTotal = 0;
  let helpfulTotal = 0;
  for (const rule of FIELD_RULES) {
    if (rule.required) requiredTotal++;
    else helpfulTotal++;
    if (rule.present(d)) continue;
    (rule.required ? missingRequired : missingHelpful).push(rule);
  }
  const total = 2 * requiredTotal + helpfulTotal;
  const got = 2 * (requiredTotal - missingRequired.length) + (helpfulTotal - missingHelpful.length);
  return {
    missingRequired,
    missingHelpful,
    requiredTotal,
    helpfulTotal,
    completeness: Math.round((100 * got) / total)
  };
}
