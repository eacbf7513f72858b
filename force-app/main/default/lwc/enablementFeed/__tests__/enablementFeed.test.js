import { flushPromises, mountElement, byId, clearDom } from '../../../../../test/jest-utils/lwcTestUtils';
import EnablementFeed from 'c/enablementFeed';
import getFeed from '@salesforce/apex/EnablementFeedController.getFeed';
import recordFeedback from '@salesforce/apex/EnablementFeedController.recordFeedback';

const FEED = require('./data/feed.json');

jest.mock('@salesforce/apex/EnablementFeedController.getFeed', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/EnablementFeedController.recordFeedback', () => ({ default: jest.fn() }), {
  virtual: true
});

const items = (element) => [...element.querySelectorAll('[data-id="items"] > li')];
const button = (element, itemId, action) =>
  element.querySelector(`lightning-button[data-item-id="${itemId}"][data-action="${action}"]`);

describe('c-enablement-feed', () => {
  afterEach(() => {
    clearDom();
    jest.clearAllMocks();
  });

  it('shows each recommendation with its reason, type and link', async () => {
    getFeed.mockResolvedValue(FEED);
    const element = mountElement('c-enablement-feed', EnablementFeed);
    await flushPromises(10);
    const rows = items(element);
    expect(rows).toHaveLength(2);
    expect(rows[0].querySelector('[data-id="because"]').textContent).toBe(
      'Because 3 of your registrations were sent back for a missing technical contact.'
    );
    expect(rows[0].querySelector('a[data-id="open"]').getAttribute('href')).toBe(
      'https://partners.example.com/enablement/ec01'
    );
    expect(rows[0].querySelector('a[data-id="open"]').getAttribute('rel')).toBe('noopener noreferrer');
    expect(rows[1].querySelector('a[data-id="open"]')).toBeNull();
    expect(rows[1].textContent).toContain('c.DR_Enablement_Type_Battle_Card');
  });

  it('stores "done", removes the item, confirms inline and re-reads the feed', async () => {
    getFeed.mockResolvedValueOnce(FEED).mockResolvedValueOnce({ ...FEED, items: [FEED.items[1]] });
    recordFeedback.mockResolvedValue(undefined);
    const element = mountElement('c-enablement-feed', EnablementFeed);
    await flushPromises(10);
    button(element, 'a0E000000000001AAA', 'done').click();
    await flushPromises(10);
    expect(recordFeedback).toHaveBeenCalledWith({ contentId: 'a0E000000000001AAA', verdict: 'DONE' });
    expect(getFeed).toHaveBeenCalledTimes(2);
    expect(items(element)).toHaveLength(1);
    expect(byId(element, 'confirmation').textContent).toContain('c.DR_Enablement_Marked_Done');
  });

  it('stores "not relevant"', async () => {
    getFeed.mockResolvedValue(FEED);
    recordFeedback.mockResolvedValue(undefined);
    const element = mountElement('c-enablement-feed', EnablementFeed);
    await flushPromises(10);
    button(element, 'a0E000000000002AAA', 'not-relevant').click();
    await flushPromises(10);
    expect(recordFeedback).toHaveBeenCalledWith({ contentId: 'a0E000000000002AAA', verdict: 'NOT_RELEVANT' });
  });

  it('keeps the item and shows the error when the verdict cannot be saved', async () => {
    getFeed.mockResolvedValue(FEED);
    recordFeedback.mockRejectedValue({ body: { message: 'This item is no longer in the library.' } });
    const element = mountElement('c-enablement-feed', EnablementFeed);
    await flushPromises(10);
    button(element, 'a0E000000000001AAA', 'done').click();
    await flushPromises(10);
    expect(items(element)).toHaveLength(2);
    expect(byId(element, 'action-error').errors).toEqual({
      body: { message: 'This item is no longer in the library.' }
    });
  });

  it('says when recommendations are unavailable', async () => {
    getFeed.mockResolvedValue({ available: false, message: 'Recommendations are not available right now.' });
    const element = mountElement('c-enablement-feed', EnablementFeed);
    await flushPromises(10);
    expect(byId(element, 'empty').textContent).toBe('Recommendations are not available right now.');
  });

  it('shows a load error and recovers on refresh', async () => {
    getFeed.mockRejectedValueOnce({ body: { message: 'boom' } }).mockResolvedValueOnce(FEED);
    const element = mountElement('c-enablement-feed', EnablementFeed);
    await flushPromises(10);
    expect(byId(element, 'load-error')).not.toBeNull();
    byId(element, 'refresh').click();
    await flushPromises(10);
    expect(byId(element, 'load-error')).toBeNull();
    expect(items(element)).toHaveLength(2);
  });
});
