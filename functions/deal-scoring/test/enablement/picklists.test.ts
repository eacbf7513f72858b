// One source of truth across the boundary: the function's enumerations for content types, levels and
// verdicts are the picklist values of Enablement_Content__c and Enablement_Feedback__c, and the sample
// library uses only those values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_LEVELS, CONTENT_TYPES, FEEDBACK_VERDICTS } from '../../src/enablement/schemas';
import { contentRecords } from './labelled-set';

const objects = join(__dirname, '..', '..', '..', '..', 'force-app', 'main', 'default', 'objects');

function picklist(object: string, field: string): string[] {
  const xml = readFileSync(join(objects, object, 'fields', `${field}.field-meta.xml`), 'utf8');
  expect(xml).toContain('<restricted>true</restricted>');
  return [...xml.matchAll(/<value>\s*<fullName>([^<]+)<\/fullName>/g)].map((m) => m[1]!);
}

describe('enablement picklists match the function', () => {
  it('content types, levels and verdicts', () => {
    expect(picklist('Enablement_Content__c', 'Content_Type__c')).toEqual([...CONTENT_TYPES]);
    expect(picklist('Enablement_Content__c', 'Level__c')).toEqual([...CONTENT_LEVELS]);
    expect(picklist('Enablement_Feedback__c', 'Verdict__c')).toEqual([...FEEDBACK_VERDICTS]);
  });

  it('the sample library uses them, with names that fit the fields', () => {
    for (const r of contentRecords()) {
      expect(CONTENT_TYPES).toContain(r.Content_Type__c);
      if (r.Level__c) expect(CONTENT_LEVELS).toContain(r.Level__c);
      expect(r.Name.length).toBeLessThanOrEqual(80);
      for (const f of [r.Products__c, r.Industries__c, r.Topics__c])
        expect((f ?? '').length).toBeLessThanOrEqual(255);
      expect(r.Language__c ?? 'en').toMatch(/^[a-z]{2}(_[A-Z]{2})?$/);
    }
  });
});
