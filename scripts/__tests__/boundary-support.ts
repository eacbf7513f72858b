// The vocabulary as the boundary tests read it: vocabulary/vocabulary.json with plain (not
// literal) types, so a test can compare any copy against it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SettingEntry {
  default: number | boolean | string | null;
  type: 'integer' | 'number' | 'boolean' | 'string';
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  values?: string[];
  metadataField: string;
  sentToFunction: boolean;
  description: string;
}

/** One field of the registration field registry (vocabulary.json `registrationFields.fields`). */
export interface RegistryField {
  field: string;
  draftKey?: string;
  contractPath?: string;
  contractLabel?: string;
  type: 'Text' | 'Url' | 'Email' | 'Phone' | 'Picklist' | 'LongTextArea' | 'Number' | 'Currency' | 'Date';
  length?: number;
  precision?: number;
  scale?: number;
  required: boolean;
  description: string;
  labelName?: string;
  label?: string;
  help?: string;
  upperCase?: boolean;
  copy?: 'both' | 'toDto';
  partnerEditable: boolean;
  access: Record<string, 'read' | 'edit'>;
}

export interface RegistrationFields {
  object: string;
  permissionSets: string[];
  fields: RegistryField[];
}

export interface Vocabulary {
  registrationStatus: { values: Record<string, string>; groups: Record<string, string[]> };
  triageStatus: string[];
  confidence: string[];
  recommendedAction: string[];
  factorCategory: string[];
  candidateKind: string[];
  regions: string[];
  partnerTiers: string[];
  registrationFields: RegistrationFields;
  /** Derived from registrationFields (as scripts/generate-registration-fields.mjs derives them). */
  requiredFields: string[];
  /** Derived from registrationFields. */
  fieldLabels: Record<string, string>;
  legalForms: { tokens: string[]; phrases: string[][]; leading: string[] };
  freeMail: { domains: string[]; labels: string[] };
  settings: Record<string, SettingEntry>;
}

export const repoRoot = join(__dirname, '..', '..');
export const vocabularyFile = join(repoRoot, 'vocabulary', 'vocabulary.json');

/** vocabulary.json with requiredFields and fieldLabels derived from the registration field registry. */
export function readVocabulary(): Vocabulary {
  const v = JSON.parse(readFileSync(vocabularyFile, 'utf8')) as Omit<
    Vocabulary,
    'requiredFields' | 'fieldLabels'
  >;
  const fields = v.registrationFields.fields;
  return {
    ...v,
    requiredFields: fields.filter((f) => f.required).map((f) => f.contractPath ?? f.field),
    fieldLabels: Object.fromEntries(
      fields.flatMap((f) => (f.contractLabel && f.contractPath ? [[f.contractPath, f.contractLabel]] : []))
    )
  };
}
