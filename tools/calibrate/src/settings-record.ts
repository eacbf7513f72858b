/**
 * The Deal_Scoring_Setting__mdt `Default` record: read the thresholds in force, and write the
 * proposed record (same values, the recommended thresholds) as deployable source XML.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEFAULT_RECORD_PATH = join(
  __dirname,
  '../../../force-app/main/default/customMetadata/Deal_Scoring_Setting.Default.md-meta.xml'
);

function valueRe(field: string): RegExp {
  return new RegExp(`(<field>${field}</field>\\s*<value[^>]*>)([^<]*)(</value>)`);
}

export function readSetting(xml: string, field: string): string | null {
  return valueRe(field).exec(xml)?.[2] ?? null;
}

export function readRecord(path = DEFAULT_RECORD_PATH): string {
  return readFileSync(path, 'utf8');
}

/** The record with the recommended thresholds; a null recommendation keeps the current value. */
export function proposeRecord(
  xml: string,
  proposal: { reviewThreshold: number | null; conflictThreshold: number | null },
  note: string
): string {
  let out = xml;
  const set = (field: string, value: number) => {
    if (!valueRe(field).test(out)) throw new Error(`the settings record has no ${field} value`);
    out = out.replace(valueRe(field), (_, a: string, _old: string, c: string) => `${a}${value}${c}`);
  };
  if (proposal.reviewThreshold !== null) set('Review_Threshold__c', proposal.reviewThreshold);
  if (proposal.conflictThreshold !== null) set('Conflict_Threshold__c', proposal.conflictThreshold);
  return out.replace(/(<CustomMetadata[^>]*>)/, `$1\n  <!-- ${note.replace(/--/g, '-')} -->`);
}
