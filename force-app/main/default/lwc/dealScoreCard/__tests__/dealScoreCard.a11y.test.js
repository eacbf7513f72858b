import { createElement } from 'lwc';
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

async function flush() {
  for (let i = 0; i < 12; i += 1) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

describe('c-deal-score-card accessibility', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('is accessible with conflicts side by side, the timeline and the decision form open', async () => {
    getConsoleSettings.mockResolvedValue(SETTINGS);
    getScoreCard.mockResolvedValue(CARD);
    getAuditTimeline.mockResolvedValue(TIMELINE);
    const element = createElement('c-deal-score-card', { is: DealScoreCard });
    element.recordId = CARD.deal.id;
    document.body.appendChild(element);
    await flush();
    element.shadowRoot.querySelector('lightning-button[data-action="APPROVE"]').click();
    await flush();
    element.shadowRoot.querySelector('[data-id="confirm"]').click();
    await flush();
    expect(element.shadowRoot.querySelector('[data-id="override-warning"]')).not.toBeNull();
    expect(element.shadowRoot.querySelector('[data-id="validation"]')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('is accessible before anything is selected', async () => {
    getConsoleSettings.mockResolvedValue(SETTINGS);
    const element = createElement('c-deal-score-card', { is: DealScoreCard });
    document.body.appendChild(element);
    await flush();
    await expect(element).toBeAccessible();
  });
});
