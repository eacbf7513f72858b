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

export interface Vocabulary {
  registrationStatus: { values: Record<string, string>; groups: Record<string, string[]> };
  triageStatus: string[];
  confidence: string[];
  recommendedAction: string[];
  factorCategory: string[];
  candidateKind: string[];
  regions: string[];
  partnerTiers: string[];
  requiredFields: string[];
  fieldLabels: Record<string, string>;
  legalForms: { tokens: string[]; phrases: string[][]; leading: string[] };
  freeMail: { domains: string[]; labels: string[] };
  settings: Record<string, SettingEntry>;
}

export const repoRoot = join(__dirname, '..', '..');
export const vocabularyFile = join(repoRoot, 'vocabulary', 'vocabulary.json');

export function readVocabulary(): Vocabulary {
  return JSON.parse(readFileSync(vocabularyFile, 'utf8')) as Vocabulary;
}
