import {
  flushPromises,
  mountElement,
  clearDom,
  byId,
  changeValue
} from '../../../../../test/jest-utils/lwcTestUtils';
import DealPasteFill from 'c/dealPasteFill';

describe('c-deal-paste-fill', () => {
  afterEach(clearDom);

  it('sends the pasted text to the parent in a fill event, and only when there is text', async () => {
    const element = mountElement('c-deal-paste-fill', DealPasteFill);
    const fills = [];
    element.addEventListener('fill', (e) => fills.push(e.detail));
    await flushPromises(2);
    expect(byId(element, 'paste-button').disabled).toBe(true);
    changeValue(byId(element, 'paste-text'), '  Globex, EUR 125,000  ');
    await flushPromises(2);
    byId(element, 'paste-button').click();
    expect(fills).toEqual([{ text: 'Globex, EUR 125,000' }]);
    element.busy = true;
    await flushPromises(2);
    expect(byId(element, 'paste-button').disabled).toBe(true);
  });

  it('shows the message it is given, as an error when the parser is unavailable', async () => {
    const element = mountElement('c-deal-paste-fill', DealPasteFill, {
      message: 'Filling from text is not available',
      unavailable: true
    });
    await flushPromises(2);
    expect(byId(element, 'paste-message').className).toContain('slds-text-color_error');
    await expect(element).toBeAccessible();
  });
});
