import { mountElement, clearDom } from '../../../../../test/jest-utils/lwcTestUtils';
import ErrorPanel from 'c/errorPanel';

function mount(props) {
  return mountElement('c-error-panel', ErrorPanel, props);
}

describe('c-error-panel', () => {
  afterEach(clearDom);

  it('renders nothing when there is no error', () => {
    const element = mount({ errors: undefined });
    expect(element.querySelector('[role="alert"]')).toBeNull();
  });

  it('shows each readable message of an Apex error under the default title', () => {
    const element = mount({
      errors: {
        body: { pageErrors: [{ message: 'Close date is required' }, { message: 'Value is negative' }] }
      }
    });
    const alert = element.querySelector('[role="alert"]');
    expect(alert).not.toBeNull();
    expect(alert.querySelector('h2').textContent).toBe('c.DR_Portal_Error_Title');
    const items = Array.from(alert.querySelectorAll('li')).map((li) => li.textContent);
    expect(items).toEqual(['Close date is required', 'Value is negative']);
  });

  it('uses the friendly message as title and updates when the errors change', async () => {
    const element = mount({ errors: new Error('network down'), friendlyMessage: 'Your draft was not saved' });
    expect(element.querySelector('h2').textContent).toBe('Your draft was not saved');
    element.errors = [new Error('a'), 'b'];
    await Promise.resolve();
    const items = Array.from(element.querySelectorAll('li')).map((li) => li.textContent);
    expect(items).toEqual(['a', 'b']);
  });

  it('is accessible', async () => {
    const element = mount({ errors: { body: { message: 'Customer name is required' } } });
    await expect(element).toBeAccessible();
  });
});
