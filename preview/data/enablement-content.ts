/**
 * The enablement library of the sample data plan (data/Enablement_Content__c.json, sf data tree
 * format) and its mapping to the scoring function's content item (what EnablementService sends).
 * Product data for the preview org's EnablementFeedController; the function's labelled set (its
 * evaluation and tests) labels against the same records and imports them from here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentItem } from '../../functions/deal-scoring/src/enablement/schemas';

const repoRoot = join(__dirname, '..', '..');

/** One Enablement_Content__c record of the sample data plan (sf data tree format). */
export interface ContentRecord {
  attributes: { type: string; referenceId: string };
  Name: string;
  Content_Type__c: ContentItem['type'];
  Level__c?: NonNullable<ContentItem['level']>;
  Products__c?: string;
  Industries__c?: string;
  Topics__c?: string;
  Competitor__c?: string;
  Language__c?: string;
  Summary__c?: string;
  URL__c?: string;
  Active__c: boolean;
}

const split = (v: string | undefined) =>
  (v ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

/** A record as the function's content item (what EnablementService sends). */
export function contentItem(record: ContentRecord, id: string, popularity?: number): ContentItem {
  return {
    id,
    title: record.Name,
    type: record.Content_Type__c,
    ...(record.Level__c ? { level: record.Level__c } : {}),
    ...(record.Summary__c ? { summary: record.Summary__c } : {}),
    ...(record.Products__c ? { products: split(record.Products__c) } : {}),
    ...(record.Industries__c ? { industries: split(record.Industries__c) } : {}),
    ...(record.Topics__c ? { topics: split(record.Topics__c) } : {}),
    ...(record.Competitor__c ? { competitor: record.Competitor__c } : {}),
    ...(record.Language__c ? { language: record.Language__c } : {}),
    ...(popularity !== undefined ? { popularity } : {})
  };
}

/** Every Enablement_Content__c record of the sample data plan, active and retired. */
export function contentRecords(): ContentRecord[] {
  const file = join(repoRoot, 'data', 'Enablement_Content__c.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { records: ContentRecord[] }).records;
}
