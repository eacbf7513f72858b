import { flushPromises, mountElement, byId, clearDom } from '../../../../../test/jest-utils/lwcTestUtils';
import DealScoreCard, { MDF_CLAIMS_RELATED_LIST } from 'c/dealScoreCard';
import getScoreCard from '@salesforce/apex/DealReviewController.getScoreCard';
import getAuditTimeline from '@salesforce/apex/DealReviewController.getAuditTimeline';
import getConsoleSettings from '@salesforce/apex/DealReviewController.getConsoleSettings';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { getLastNavigation } from 'lightning/navigation';

const CARD = require('./data/scoreCard.json');
const TIMELINE = require('./data/timeline.json');
const SETTINGS = require('./data/consoleSettings.json');

jest.mock('@salesforce/apex/DealReviewController.getScoreCard', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/DealReviewController.getAuditTimeline', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/DealReviewController.getConsoleSettings', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/DealReviewController.decide', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/DealReviewController.decideExtension', () => ({ default: jest.fn() }), {
  virtual: true
});

const DEAL_ID = 'a0B000000000001AAA';
const CLAIM_ID = '0ZV000000000001AAA';
const flush = () => flushPromises(12);

async function mount() {
  const element = mountElement('c-deal-score-card', DealScoreCard, { recordId: DEAL_ID });
  await flush();
  return element;
}

describe('c-deal-score-card: MDF claims tied to the registration', () => {
  beforeEach(() => {
    getConsoleSettings.mockResolvedValue(SETTINGS);
    getScoreCard.mockResolvedValue(CARD);
    getAuditTimeline.mockResolvedValue(TIMELINE);
  });
  afterEach(() => {
    clearDom();
    jest.clearAllMocks();
  });

  it('asks the related list of the registration for its claims and links each one', async () => {
    const element = await mount();
    expect(getRelatedListRecords.getLastConfig()).toEqual(
      expect.objectContaining({ parentRecordId: DEAL_ID, relatedListId: MDF_CLAIMS_RELATED_LIST })
    );
    expect(byId(element, 'mdf-claims')).toBeNull();
    getRelatedListRecords.emit({
      records: [
        {
          id: CLAIM_ID,
          fields: {
            Title: { value: 'Claim: Spring roadshow' },
            Claim_Stage__c: { value: 'Submitted' },
            Amount: { value: 4000, displayValue: 'EUR 4,000.00' },
            Recommendation__c: { value: 'REVIEW' }
          }
        }
      ]
    });
    await flush();
    const link = byId(element, 'mdf-claim');
    expect(link.label).toBe('Claim: Spring roadshow · Submitted · EUR 4,000.00 · REVIEW');
    link.click();
    expect(getLastNavigation().pageReference).toEqual({
      type: 'standard__recordPage',
      attributes: { recordId: CLAIM_ID, actionName: 'view' }
    });
  });

  it('shows no claims where the org has no MDF package (the related list answers an error)', async () => {
    const element = await mount();
    getRelatedListRecords.error({ message: 'Invalid relatedListId MDF_Claims__r' });
    await flush();
    expect(byId(element, 'mdf-claims')).toBeNull();
    expect(byId(element, 'score')).not.toBeNull();
  });
});
