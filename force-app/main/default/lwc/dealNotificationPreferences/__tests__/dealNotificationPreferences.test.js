import {
  flushPromises,
  mountElement,
  byId,
  clearDom,
  changeValue
} from '../../../../../test/jest-utils/lwcTestUtils';
import DealNotificationPreferences from 'c/dealNotificationPreferences';
import getMyPreferences from '@salesforce/apex/DealNotificationPreferenceController.getMyPreferences';
import saveMyPreferences from '@salesforce/apex/DealNotificationPreferenceController.saveMyPreferences';

const MANAGER = require('./data/manager.json');
const PARTNER = require('./data/partner.json');

jest.mock(
  '@salesforce/apex/DealNotificationPreferenceController.getMyPreferences',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/DealNotificationPreferenceController.saveMyPreferences',
  () => ({ default: jest.fn() }),
  { virtual: true }
);

const flush = () => flushPromises(6);

function check(node, checked) {
  node.checked = checked;
  node.dispatchEvent(new CustomEvent('change'));
}

describe('c-deal-notification-preferences', () => {
  afterEach(() => {
    clearDom();
    jest.clearAllMocks();
  });

  it('shows a manager the manager events, the channel and the manager-only settings', async () => {
    getMyPreferences.mockResolvedValue(MANAGER);
    const element = mountElement('c-deal-notification-preferences', DealNotificationPreferences);
    await flush();
    const events = byId(element, 'events');
    expect(events.options.map((o) => o.value)).toEqual([
      'HIGH_POTENTIAL',
      'CONFLICT',
      'SLA_BREACH',
      'PARTNER_ANSWER'
    ]);
    expect(events.value).toEqual(['HIGH_POTENTIAL', 'CONFLICT', 'PARTNER_ANSWER']);
    expect(byId(element, 'channel').value).toBe('both');
    expect(byId(element, 'digest')).not.toBeNull();
    expect(byId(element, 'until').disabled).toBe(true);
  });

  it('hides digest and out of office from partners', async () => {
    getMyPreferences.mockResolvedValue(PARTNER);
    const element = mountElement('c-deal-notification-preferences', DealNotificationPreferences);
    await flush();
    expect(byId(element, 'events').options).toHaveLength(6);
    expect(byId(element, 'channel').value).toBe('bell');
    expect(byId(element, 'digest')).toBeNull();
    expect(byId(element, 'out-of-office')).toBeNull();
  });

  it('saves what the manager chose and confirms inline', async () => {
    getMyPreferences.mockResolvedValue(MANAGER);
    saveMyPreferences.mockResolvedValue({
      ...MANAGER,
      bellOnly: true,
      outOfOffice: true,
      outOfOfficeUntil: '2026-12-24'
    });
    const element = mountElement('c-deal-notification-preferences', DealNotificationPreferences);
    await flush();
    changeValue(byId(element, 'events'), ['CONFLICT']);
    changeValue(byId(element, 'channel'), 'bell');
    check(byId(element, 'out-of-office'), true);
    await flush();
    expect(byId(element, 'until').disabled).toBe(false);
    changeValue(byId(element, 'until'), '2026-12-24');
    byId(element, 'save').click();
    await flush();
    expect(saveMyPreferences).toHaveBeenCalledWith({
      input: {
        enabledEvents: ['CONFLICT'],
        bellOnly: true,
        dailyDigest: false,
        outOfOffice: true,
        outOfOfficeUntil: '2026-12-24'
      }
    });
    expect(byId(element, 'saved')).not.toBeNull();
  });

  it('never sends manager settings for a partner and warns when every event is off', async () => {
    getMyPreferences.mockResolvedValue(PARTNER);
    saveMyPreferences.mockResolvedValue(PARTNER);
    const element = mountElement('c-deal-notification-preferences', DealNotificationPreferences);
    await flush();
    changeValue(byId(element, 'events'), []);
    await flush();
    expect(byId(element, 'none-selected')).not.toBeNull();
    byId(element, 'save').click();
    await flush();
    expect(saveMyPreferences.mock.calls[0][0].input).toEqual({
      enabledEvents: [],
      bellOnly: true,
      dailyDigest: false,
      outOfOffice: false,
      outOfOfficeUntil: null
    });
  });

  it('shows the error the server gives and no confirmation', async () => {
    getMyPreferences.mockResolvedValue(MANAGER);
    saveMyPreferences.mockRejectedValue({
      body: { message: 'outOfOfficeUntil: Back on must be today or later.' }
    });
    const element = mountElement('c-deal-notification-preferences', DealNotificationPreferences);
    await flush();
    byId(element, 'save').click();
    await flush();
    expect(element.querySelector('c-error-panel').errors).toEqual({
      body: { message: 'outOfOfficeUntil: Back on must be today or later.' }
    });
    expect(byId(element, 'saved')).toBeNull();
  });
});
