// The module components import is the vocabulary file's content, not a copy that drifted
// (scripts/__tests__/boundary-vocabulary.test.ts also fails when the generated file is stale).
import {
  STATUS,
  STATUS_GROUPS,
  TRIAGE,
  CONFIDENCE,
  RECOMMENDED_ACTIONS,
  REGIONS,
  TIERS,
  REQUIRED_FIELDS,
  FIELD_LABELS,
  SETTING_DEFAULTS
} from 'c/dealVocabulary';

const vocabulary = require('../../../../../../vocabulary/vocabulary.json');
// requiredFields and fieldLabels derive from the registration field registry.
const registry = vocabulary.registrationFields.fields;
const requiredFields = registry.filter((f) => f.required).map((f) => f.contractPath);
const fieldLabels = Object.fromEntries(
  registry.filter((f) => f.contractLabel).map((f) => [f.contractPath, f.contractLabel])
);

describe('c/dealVocabulary', () => {
  it('holds the statuses and their groups of vocabulary/vocabulary.json', () => {
    expect(STATUS).toEqual(vocabulary.registrationStatus.values);
    Object.entries(vocabulary.registrationStatus.groups).forEach(([group, keys]) => {
      expect([group, STATUS_GROUPS[group]]).toEqual([group, keys.map((key) => STATUS[key])]);
    });
  });

  it('holds the value lists the console and the form show', () => {
    expect(TRIAGE).toEqual(vocabulary.triageStatus);
    expect(CONFIDENCE).toEqual(vocabulary.confidence);
    expect(RECOMMENDED_ACTIONS).toEqual(vocabulary.recommendedAction);
    expect(REGIONS).toEqual(vocabulary.regions);
    expect(TIERS).toEqual(vocabulary.partnerTiers);
  });

  it('requires the five fields the scoring function requires, with their labels', () => {
    expect(REQUIRED_FIELDS).toEqual(requiredFields);
    expect(REQUIRED_FIELDS).toHaveLength(5);
    expect(FIELD_LABELS).toEqual(fieldLabels);
  });

  it('holds every setting default', () => {
    Object.entries(vocabulary.settings).forEach(([name, setting]) => {
      expect([name, SETTING_DEFAULTS[name]]).toEqual([name, setting.default]);
    });
  });
});
