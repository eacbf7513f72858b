import { flushPromises, mountElement, clearDom, byId } from '../../../../../test/jest-utils/lwcTestUtils';
import DealDuplicateWarning from 'c/dealDuplicateWarning';

describe('c-deal-duplicate-warning', () => {
  afterEach(clearDom);

  it('lists the matches and reports review or submit-anyway to the parent', async () => {
    const element = mountElement('c-deal-duplicate-warning', DealDuplicateWarning, {
      items: [{ key: 'd0', text: 'A registration for this customer already exists' }],
      asking: true
    });
    const events = [];
    element.addEventListener('review', () => events.push('review'));
    element.addEventListener('submitanyway', () => events.push('submitanyway'));
    await flushPromises(2);
    expect(byId(element, 'duplicates').textContent).toContain('already exists');
    byId(element, 'review-duplicates').click();
    byId(element, 'submit-anyway').click();
    expect(events).toEqual(['review', 'submitanyway']);
    await expect(element).toBeAccessible();
  });

  it('only informs, without buttons, while not asking', async () => {
    const element = mountElement('c-deal-duplicate-warning', DealDuplicateWarning, {
      items: [{ key: 'd0', text: 'A registration for this customer already exists' }]
    });
    await flushPromises(2);
    expect(byId(element, 'duplicates').getAttribute('role')).toBe('status');
    expect(byId(element, 'submit-anyway')).toBeNull();
  });
});
