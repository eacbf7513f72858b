import { flushPromises, mountElement, clearDom, byId } from '../../../../../test/jest-utils/lwcTestUtils';
import DealFormMeter from 'c/dealFormMeter';

describe('c-deal-form-meter', () => {
  afterEach(clearDom);

  it('shows the bar and the missing items when the pre-check answered', async () => {
    const element = mountElement('c-deal-form-meter', DealFormMeter, {
      state: 'ready',
      completeness: 55,
      items: [{ key: 'm0', text: 'Deal value is required to submit', required: true }]
    });
    await flushPromises(2);
    expect(element.querySelector('[role="progressbar"]').getAttribute('aria-valuenow')).toBe('55');
    expect(byId(element, 'meter-items').textContent).toContain('Deal value');
    expect(byId(element, 'meter-unavailable')).toBeNull();
  });

  it('keeps the last answer while checking again, and says when the check is unavailable', async () => {
    const element = mountElement('c-deal-form-meter', DealFormMeter, {
      state: 'ready-checking',
      completeness: 80,
      items: []
    });
    await flushPromises(2);
    expect(element.querySelector('[role="progressbar"]')).not.toBeNull();
    expect(byId(element, 'meter-checking')).not.toBeNull();
    element.state = 'unavailable';
    await flushPromises(2);
    expect(element.querySelector('[role="progressbar"]')).toBeNull();
    expect(byId(element, 'meter-unavailable')).not.toBeNull();
  });

  it('is accessible', async () => {
    const element = mountElement('c-deal-form-meter', DealFormMeter, {
      state: 'ready',
      completeness: 40,
      items: [{ key: 'm0', text: 'Contact title: add a technical contact', required: false }]
    });
    await flushPromises(2);
    await expect(element).toBeAccessible();
  });
});
