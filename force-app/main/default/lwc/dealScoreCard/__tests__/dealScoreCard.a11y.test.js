import { flushPromises, mountElement, clearDom } from '../../../../../test/jest-utils/lwcTestUtils';
import DealScoreCard from 'c/dealScoreCard';
import getScoreCard from '@salesforce/apex/DealReviewController.getScoreCard';
import getAuditTimeline from '@salesforce/apex/DealReviewController.getAuditTimeline';
import getConsoleSettings from '@salesforce/apex/DealReviewController.getConsoleSettings';

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

const flush = () => flushPromises(12);

describe('c-deal-score-card accessibility', () => {
  afterEach(clearDom);

  it('is accessible with conflicts side by side, the timeline and the decision form open', async () => {
    getConsoleSettings.mockResolvedValue(SETTINGS);
    getScoreCard.mockResolvedValue(CARD);
    getAuditTimeline.mockResolvedValue(TIMELINE);
    const element = mountElement('c-deal-score-card', DealScoreCard, { recordId: CARD.deal.id });
    await flush();
    element.shadowRoot.querySelector('lightning-button[data-action="APPROVE"]').click();
    await flush();
    element.shadowRoot.querySelector('[data-id="confirm"]').click();
    await flush();
    expect(element.shadowRoot.querySelector('[data-id="override-warning"]')).not.toBeNull();
    expect(element.shadowRoot.querySelector('[data-id="reason"]').label).toBe(
      'c.DR_Console_Reason_Label_Required'
    );
    await expect(element).toBeAccessible();
  });

  it('is accessible before anything is selected', async () => {
    getConsoleSettings.mockResolvedValue(SETTINGS);
    const element = mountElement('c-deal-score-card', DealScoreCard);
    await flush();
    await expect(element).toBeAccessible();
  });
});
