import { flushPromises, mountElement, clearDom } from '../../../../../test/jest-utils/lwcTestUtils';
import DealReviewQueue from 'c/dealReviewQueue';
import getQueue from '@salesforce/apex/DealReviewController.getQueue';
import getConsoleSettings from '@salesforce/apex/DealReviewController.getConsoleSettings';

const PAGE_1 = require('./data/queuePage1.json');
const SETTINGS = require('./data/consoleSettings.json');

jest.mock('@salesforce/apex/DealReviewController.getQueue', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/DealReviewController.getConsoleSettings', () => ({ default: jest.fn() }), {
  virtual: true
});

const flush = () => flushPromises(12);

describe('c-deal-review-queue accessibility', () => {
  afterEach(clearDom);

  it('is accessible with rows, filters and the load-more button', async () => {
    getConsoleSettings.mockResolvedValue(SETTINGS);
    getQueue.mockResolvedValue(PAGE_1);
    const element = mountElement('c-deal-review-queue', DealReviewQueue);
    await flush();
    expect(element.shadowRoot.querySelector('[data-id="load-more"]')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('is accessible in the empty state and with an error', async () => {
    getConsoleSettings.mockRejectedValue({ body: { message: 'Only channel managers can use the console.' } });
    getQueue.mockResolvedValue({ rows: [], totalCount: 0, hasMore: false, nextCursor: null });
    const element = mountElement('c-deal-review-queue', DealReviewQueue);
    await flush();
    expect(element.shadowRoot.querySelector('c-error-panel')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
