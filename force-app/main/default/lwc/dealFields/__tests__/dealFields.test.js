import { FIELDS, labelOfPath, maxLengthsOf, requiredKeys, validateDraft } from 'c/dealFields';
import { FIELD_LABELS, REQUIRED_FIELDS } from 'c/dealVocabulary';
import {
  dealRegistrationObjectInfo,
  fieldLength
} from '../../../../../test/jest-mocks/objectInfo/dealRegistrationObjectInfo';

const registry = require('../../../../../../vocabulary/vocabulary.json').registrationFields.fields;

describe('c/dealFields', () => {
  it('lays out exactly the portal fields of the registration field registry', () => {
    const portalKeys = registry.filter((f) => f.draftKey).map((f) => f.draftKey);
    expect(FIELDS.map((f) => f.key).sort()).toEqual([...portalKeys].sort());
    FIELDS.forEach((f) => {
      const entry = registry.find((r) => r.draftKey === f.key);
      expect([f.key, f.objectField, f.label]).toEqual([
        f.key,
        entry.field,
        `c.DR_Portal_Field_${entry.labelName}`
      ]);
    });
  });

  it('has a form field, with its own label, for every contract path of the vocabulary', () => {
    Object.keys(FIELD_LABELS).forEach((path) => {
      expect(labelOfPath(path)).toMatch(/^c\.DR_Portal_Field_/);
    });
  });

  it('requires exactly the fields of REQUIRED_FIELDS, plus the answer when information was requested', () => {
    const required = requiredKeys(REQUIRED_FIELDS, false);
    expect(Array.from(required).sort()).toEqual(
      ['contactEmail', 'contactName', 'customerName', 'dealValue', 'expectedCloseDate'].sort()
    );
    expect(required.size).toBe(REQUIRED_FIELDS.length);
    expect(requiredKeys(REQUIRED_FIELDS, true).has('partnerResponse')).toBe(true);
  });

  it("reads every text field's length from the describe, and none for numbers and dates", () => {
    const lengths = maxLengthsOf(dealRegistrationObjectInfo());
    const expected = {};
    FIELDS.forEach((f) => {
      const described = fieldLength(f.objectField);
      if (described > 0) expected[f.key] = described;
    });
    expect(lengths).toEqual(expected);
    expect(lengths.contactTitle).toBe(fieldLength('Contact_Title__c'));
    expect(lengths.dealValue).toBeUndefined();
    expect(maxLengthsOf(undefined)).toEqual({});
  });

  it('checks lengths against the describe and nothing else', () => {
    const rules = { required: new Set(), maxLengths: { contactTitle: 3 } };
    expect(validateDraft({ contactTitle: 'CTO' }, 'draft', rules)).toEqual({});
    expect(validateDraft({ contactTitle: 'CTOO' }, 'draft', rules).contactTitle).toBe(
      'c.DR_Portal_Validation_Too_Long'
    );
    expect(validateDraft({ contactTitle: 'x'.repeat(500) }, 'draft', { ...rules, maxLengths: {} })).toEqual(
      {}
    );
  });
});
