import { flushPromises, mountElement, clearDom } from '../../../../../test/jest-utils/lwcTestUtils';
import EnablementFeed from 'c/enablementFeed';
import getFeed from '@salesforce/apex/EnablementFeedController.getFeed';

const FEED = require('./data/feed.json');

jest.mock('@salesforce/apex/EnablementFeedController.getFeed', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/EnablementFeedController.recordFeedback', () => ({ default: jest.fn() }), {
  virtual: true
});

describe('c-enablement-feed accessibility', () => {
  afterEach(clearDom);

  it('is accessible with recommendations shown', async () => {
    getFeed.mockResolvedValue(FEED);
    const element = mountElement('c-enablement-feed', EnablementFeed);
    await flushPromises(10);
    expect(element.querySelectorAll('li')).toHaveLength(2);
    await expect(element).toBeAccessible();
  });
});
