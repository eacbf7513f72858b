/**
 * Which deal fields are required to decide, which help, and the hint a partner sees for each.
 * Shared by scoring (missingFields, completeness factors) and precheck.
 */
import type { Contact, Customer, Opportunity } from '../schemas';

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

export const FIELD_RULES: readonly FieldRule[] = [
  {
    field: 'customer.name',
    required: true,
    label: 'customer name',
    hint: "Enter the customer's company name as it appears on their letterhead.",
    present: (d) => has(d.customer?.name)
  },
  {
    field: 'opportunity.amount',
    required: true,
    label: 'deal value',
    hint: 'Enter the estimated deal value in the deal currency.',
    present: (d) => has(d.opportunity?.amount)
  },
  {
    field: 'opportunity.closeDate',
    required: true,
    label: 'expected close date',
    hint: 'Enter the date you expect the customer to sign (YYYY-MM-DD).',
    present: (d) => has(d.opportunity?.closeDate)
  },
  {
    field: 'contact.name',
    required: true,
    label: 'customer contact name',
    hint: "Name the customer's primary contact for this deal.",
    present: (d) => has(d.contact?.name)
  },
  {
    field: 'contact.email',
    required: true,
    label: 'customer contact email',
    hint: "Add the contact's business email address at the customer's domain.",
    present: (d) => has(d.contact?.email)
  },
  {
    field: 'customer.domain',
    required: false,
    label: 'customer website',
    hint: "Add the customer's website so we can recognise existing records.",
    present: (d) => has(d.customer?.domain) || has(d.customer?.website)
  },
  {
    field: 'customer.country',
    required: false,
    label: 'customer country',
    hint: 'Add the country where the customer will buy.',
    present: (d) => has(d.customer?.country)
  },
  {
    field: 'customer.region',
    required: false,
    label: 'sales region',
    hint: 'Pick the sales region (NA, EMEA, APAC or LATAM).',
    present: (d) => has(d.customer?.region)
  },
  {
    field: 'customer.industry',
    required: false,
    label: 'customer industry',
    hint: "Add the customer's industry.",
    present: (d) => has(d.customer?.industry)
  },
  {
    field: 'customer.employees',
    required: false,
    label: 'customer size',
    hint: 'Add the approximate number of employees.',
    present: (d) => has(d.customer?.employees)
  },
  {
    field: 'opportunity.name',
    required: false,
    label: 'opportunity name',
    hint: 'Give the opportunity a short name, e.g. "Acme ERP rollout".',
    present: (d) => has(d.opportunity?.name)
  },
  {
    field: 'opportunity.products',
    required: false,
    label: 'products',
    hint: 'List the products the customer is evaluating.',
    present: (d) => has(d.opportunity?.products)
  },
  {
    field: 'opportunity.description',
    required: false,
    label: 'description',
    hint: 'Describe the project: the need, the decision process and your role (two or three sentences).',
    present: (d) => has(d.opportunity?.description)
  },
  {
    field: 'contact.phone',
    required: false,
    label: 'contact phone',
    hint: "Add the contact's phone number.",
    present: (d) => has(d.contact?.phone)
  },
  {
    field: 'contact.title',
    required: false,
    label: 'contact title',
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
