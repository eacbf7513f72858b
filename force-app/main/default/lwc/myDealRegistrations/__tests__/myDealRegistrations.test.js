import {
  flushPromises,
  mountElement,
  byId,
  rootOf,
  clearDom,
  changeValue
} from '../../../../../test/jest-utils/lwcTestUtils';
import MyDealRegistrations from 'c/myDealRegistrations';
import getMyRegistrations from '@salesforce/apex/DealRegistrationPortalController.getMyRegistrations';
import getRegistration from '@salesforce/apex/DealRegistrationPortalController.getRegistration';
import withdraw from '@salesforce/apex/DealRegistrationPortalController.withdraw';
import requestExtension from '@salesforce/apex/DealRegistrationPortalController.requestExtension';
import askStatus from '@salesforce/apex/DealAssistController.askStatus';
import { refreshApex } from '@salesforce/apex';

const REGISTRATIONS = require('./data/registrations.json');
const ASK_ANSWER = require('./data/askAnswer.json');
const ASK_UNAVAILABLE = require('./data/askUnavailable.json');

jest.mock(
  '@salesforce/apex/DealRegistrationPortalController.getMyRegistrations',
  () => require('../../../../../test/jest-utils/lwcTestUtils').apexWireMock(),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/DealRegistrationPortalController.getPriorCustomers',
  () => require('../../../../../test/jest-utils/lwcTestUtils').apexWireMock(),
  { virtual: true }
);
jest.mock('@salesforce/apex/DealRegistrationPortalController.withdraw', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock(
  '@salesforce/apex/DealRegistrationPortalController.requestExtension',
  () => ({ default: jest.fn() }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/apex/DealAssistController.askStatus', () => ({ default: jest.fn() }), {
  virtual: true
});
// Used by the embedded c-deal-registration-form.
jest.mock(
  '@salesforce/apex/DealRegistrationPortalController.getRegistration',
  () => ({ default: jest.fn() }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/apex/DealRegistrationPortalController.saveDraft', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/DealRegistrationPortalController.submit', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock(
  '@salesforce/apex/DealRegistrationPortalController.precheck',
  () => ({ default: jest.fn(() => Promise.resolve({ available: false })) }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/DealRegistrationPortalController.suggestAccounts',
  () => ({ default: jest.fn() }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/apex/DealAssistController.parseText', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
jest.mock(
  '@salesforce/label/c.DR_Portal_List_Empty_Filtered',
  () => ({ default: 'No registrations with status {0}.' }),
  {
    virtual: true
  }
);

const POLL_MS = 30000;

/** Formats a date as the component does (c/dealFormat formatDate), for assertions. */
function shown(value) {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return new Intl.DateTimeFormat(
    undefined,
    dateOnly ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium' }
  ).format(new Date(dateOnly ? `${value}T00:00:00Z` : value));
}

/** A ResizeObserver stand-in that reports the given width for every observed box. */
function fakeResizeObserver(width) {
  return class {
    constructor(callback) {
      this.callback = callback;
    }
    observe() {
      this.callback([{ contentRect: { width } }]);
    }
    disconnect() {}
  };
}

const flush = () => flushPromises(6);

async function mount() {
  const element = mountElement('c-my-deal-registrations', MyDealRegistrations);
  await flush();
  return element;
}

async function select(element, registrationId) {
  rootOf(element).querySelector(`button[data-id="${registrationId}"]`).click();
  await flush();
}

async function typeInto(node, value) {
  changeValue(node, value);
  await flush();
}

describe('c-my-deal-registrations', () => {
  beforeEach(() => {
    getRegistration.mockResolvedValue(REGISTRATIONS[1]);
  });

  afterEach(() => {
    clearDom();
    jest.clearAllMocks();
    delete global.ResizeObserver;
    jest.useRealTimers();
  });

  describe('wire data and errors', () => {
    it("shows which registrations came from the partner's forwarded email", async () => {
      const element = await mount();
      const fromEmail = { ...REGISTRATIONS[0], fromEmail: true };
      getMyRegistrations.emit([fromEmail, ...REGISTRATIONS.slice(1)]);
      await flush();
      const badge = rootOf(element).querySelector(`[data-origin="${fromEmail.id}"]`);
      expect(badge.textContent.trim()).toBe('c.DR_Portal_List_From_Email');
      expect(rootOf(element).querySelectorAll('[data-origin]').length).toBe(1);
    });

    it('lists the company registrations with status, dates and the partner-safe reason', async () => {
      const element = await mount();
      getMyRegistrations.emit(REGISTRATIONS);
      await flush();
      const rows = rootOf(element).querySelectorAll('tbody tr');
      expect(rows.length).toBe(4);
      const approved = rootOf(element).querySelector('tr[data-row="a0B000000000009AAA"]');
      const cells = Array.from(approved.querySelectorAll('td')).map((td) => td.textContent.trim());
      expect(cells[0]).toBe('Umbrella GmbH');
      expect(cells[1]).toBe('Approved');
      expect(approved.querySelector('[data-status]').className).toContain('slds-badge');
      expect(cells[2]).toBe(shown('2026-09-01T08:00:00.000Z'));
      expect(cells[3]).toBe(shown('2026-12-01'));
      expect(cells[4]).toBe('Approved. Your deal is protected for 90 days.');
      expect(byId(element, 'empty')).toBeNull();
    });

    it('shows the error panel when the registrations cannot be loaded', async () => {
      const element = await mount();
      getMyRegistrations.error({ message: 'Your user is not linked to a partner account' });
      await flush();
      const panel = rootOf(element).querySelector('c-error-panel');
      expect(panel.errors).toEqual(expect.objectContaining({ body: expect.anything() }));
      expect(rootOf(element).querySelector('table')).toBeNull();
    });

    it('filters by status through the wire and says when nothing matches', async () => {
      const element = await mount();
      getMyRegistrations.emit(REGISTRATIONS);
      await flush();
      expect(getMyRegistrations.getLastConfig()).toEqual({ status: null });
      const filter = byId(element, 'status-filter');
      expect(filter.options[0].value).toBe('');
      expect(filter.options.map((o) => o.value)).toContain('More Info Requested');
      filter.dispatchEvent(new CustomEvent('change', { detail: { value: 'Rejected' } }));
      await flush();
      expect(getMyRegistrations.getLastConfig()).toEqual({ status: 'Rejected' });
      getMyRegistrations.emit([]);
      await flush();
      expect(byId(element, 'empty').textContent).toBe('No registrations with status Rejected.');
    });
  });

  describe('detail and next steps', () => {
    it('shows the next step for an approved registration and sends an extension request with a reason', async () => {
      requestExtension.mockResolvedValue(undefined);
      const element = await mount();
      getMyRegistrations.emit(REGISTRATIONS);
      await flush();
      await select(element, 'a0B000000000009AAA');
      expect(byId(element, 'next-step').textContent).toContain('c.DR_Portal_List_Next_Approved');
      expect(byId(element, 'detail-message').textContent).toContain('Approved. Your deal is protected');
      expect(byId(element, 'edit-form')).toBeNull();
      expect(byId(element, 'start-withdraw')).toBeNull(); // an approved registration cannot be withdrawn

      byId(element, 'start-extension').click();
      await flush();
      byId(element, 'confirm-action').click();
      await flush();
      expect(requestExtension).not.toHaveBeenCalled();
      expect(byId(element, 'action-reason-error').textContent.trim()).toBe(
        'c.DR_Portal_List_Reason_Required'
      );

      await typeInto(byId(element, 'action-reason'), 'Customer moved signature to January');
      const toast = jest.fn();
      element.addEventListener('lightning__showtoast', toast);
      byId(element, 'confirm-action').click();
      await flush();
      expect(requestExtension).toHaveBeenCalledWith({
        registrationId: 'a0B000000000009AAA',
        reason: 'Customer moved signature to January'
      });
      expect(toast).not.toHaveBeenCalled(); // LWR sites show no toasts: the confirmation is inline
      expect(byId(element, 'action-notice').textContent).toBe('c.DR_Portal_List_Extension_Done');
      expect(refreshApex).toHaveBeenCalledTimes(1);
      expect(byId(element, 'action-panel')).toBeNull();

      // The refreshed row says the extension is pending: that line is now the one confirmation.
      getMyRegistrations.emit(
        REGISTRATIONS.map((r) => (r.id === 'a0B000000000009AAA' ? { ...r, extensionRequested: true } : r))
      );
      await flush();
      expect(byId(element, 'extension-pending')).not.toBeNull();
      expect(byId(element, 'action-notice').textContent).toBe('');
    });

    it('keeps the reason and shows the error when a withdrawal fails', async () => {
      withdraw.mockRejectedValue({ body: { message: 'This registration can no longer be withdrawn' } });
      const element = await mount();
      getMyRegistrations.emit(REGISTRATIONS);
      await flush();
      await select(element, 'a0B000000000008AAA');
      expect(byId(element, 'start-extension')).toBeNull();
      byId(element, 'start-withdraw').click();
      await flush();
      await typeInto(byId(element, 'action-reason'), 'Customer chose another vendor');
      byId(element, 'confirm-action').click();
      await flush();
      expect(withdraw).toHaveBeenCalledWith({
        registrationId: 'a0B000000000008AAA',
        reason: 'Customer chose another vendor'
      });
      const panel = byId(element, 'action-panel').querySelector('c-error-panel');
      expect(panel.errors).toEqual({ body: { message: 'This registration can no longer be withdrawn' } });
      expect(byId(element, 'action-reason').value).toBe('Customer chose another vendor');
      expect(refreshApex).not.toHaveBeenCalled();
    });

    it('opens the form to answer a more-information request and refreshes after submit', async () => {
      const element = await mount();
      getMyRegistrations.emit(REGISTRATIONS);
      await flush();
      await select(element, 'a0B000000000007AAA');
      expect(byId(element, 'next-step').textContent).toContain('c.DR_Portal_List_Next_More_Info');
      const form = byId(element, 'edit-form').querySelector('c-deal-registration-form');
      expect(form.recordId).toBe('a0B000000000007AAA');
      form.dispatchEvent(
        new CustomEvent('submitted', { detail: { id: 'a0B000000000007AAA', status: 'Submitted' } })
      );
      await flush();
      expect(refreshApex).toHaveBeenCalledTimes(1);
      // the refreshed row is no longer editable, but the form stays to show its acknowledgment
      getMyRegistrations.emit(
        REGISTRATIONS.map((r) => {
          if (r.id !== 'a0B000000000007AAA') return r;
          return { ...r, status: 'Submitted', canEdit: false, canRespond: false };
        })
      );
      await flush();
      expect(byId(element, 'detail-status').textContent).toBe('Submitted');
      expect(byId(element, 'edit-form')).not.toBeNull();
    });

    it('answers a status question, or says plainly that answers are unavailable', async () => {
      askStatus.mockResolvedValueOnce(ASK_ANSWER).mockResolvedValueOnce(ASK_UNAVAILABLE);
      const element = await mount();
      getMyRegistrations.emit(REGISTRATIONS);
      await flush();
      await select(element, 'a0B000000000008AAA');
      await typeInto(byId(element, 'ask-question'), 'Why is it still in review?');
      byId(element, 'ask-button').click();
      await flush();
      expect(askStatus).toHaveBeenCalledWith({
        dealId: 'a0B000000000008AAA',
        question: 'Why is it still in review?'
      });
      expect(byId(element, 'answer').textContent).toBe(ASK_ANSWER.answer);
      expect(byId(element, 'answer-next').textContent).toContain(ASK_ANSWER.nextStep);
      byId(element, 'ask-button').click();
      await flush();
      expect(byId(element, 'answer')).toBeNull();
      expect(byId(element, 'answer-unavailable').textContent.trim()).toBe('c.DR_Portal_List_Ask_Unavailable');
    });
  });

  describe('staying current without platform events (LWR sites)', () => {
    it('re-reads itself every 30 s while a registration is being checked and the page is visible', async () => {
      jest.useFakeTimers();
      const element = await mount();
      getMyRegistrations.emit(REGISTRATIONS); // DR-000008 is In Review
      await flush();
      expect(byId(element, 'live-state').textContent).toBe('c.DR_Portal_List_Live_On');
      jest.advanceTimersByTime(POLL_MS);
      await flush();
      expect(refreshApex).toHaveBeenCalledTimes(1);

      const visibility = jest.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
      jest.advanceTimersByTime(POLL_MS);
      await flush();
      expect(refreshApex).toHaveBeenCalledTimes(1);
      visibility.mockRestore();
    });

    it('does not poll when nothing is being checked, and stops when removed from the page', async () => {
      jest.useFakeTimers();
      const element = await mount();
      getMyRegistrations.emit(REGISTRATIONS.filter((r) => r.status === 'Approved' || r.status === 'Draft'));
      await flush();
      expect(byId(element, 'live-state').textContent).toBe('');
      jest.advanceTimersByTime(POLL_MS * 3);
      await flush();
      expect(refreshApex).not.toHaveBeenCalled();

      getMyRegistrations.emit(REGISTRATIONS);
      await flush();
      document.body.removeChild(element);
      jest.advanceTimersByTime(POLL_MS * 3);
      window.dispatchEvent(new CustomEvent('focus'));
      await flush();
      expect(refreshApex).not.toHaveBeenCalled();
    });

    it('refreshes from the Refresh button and when the window regains focus', async () => {
      const element = await mount();
      getMyRegistrations.emit(REGISTRATIONS);
      await flush();
      byId(element, 'refresh').click();
      await flush();
      expect(refreshApex).toHaveBeenCalledTimes(1);
      window.dispatchEvent(new CustomEvent('focus'));
      await flush();
      expect(refreshApex).toHaveBeenCalledTimes(2);
    });

    it('renders in light DOM so the site stylesheet styles it under native shadow', async () => {
      const element = await mount();
      expect(element.shadowRoot).toBeNull();
      expect(element.querySelector('article.slds-card')).not.toBeNull();
    });
  });

  describe('layout', () => {
    it('shows the manager message once: beside the answer box when the form is open to answer it', async () => {
      const element = await mount();
      getMyRegistrations.emit(REGISTRATIONS);
      await flush();
      await select(element, 'a0B000000000007AAA');
      expect(byId(element, 'edit-form')).not.toBeNull();
      expect(byId(element, 'detail-message')).toBeNull();
      await select(element, 'a0B000000000008AAA');
      expect(byId(element, 'detail-message').textContent).toContain('A channel manager is reviewing');
    });

    it('shows "Protected until" only when there is a date', async () => {
      const element = await mount();
      getMyRegistrations.emit(REGISTRATIONS);
      await flush();
      await select(element, 'a0B000000000008AAA');
      expect(byId(element, 'detail').textContent).not.toContain('c.DR_Portal_List_Col_Protection');
      await select(element, 'a0B000000000009AAA');
      expect(byId(element, 'detail-protection').textContent).toBe(shown('2026-12-01'));
    });

    it('lists registrations compactly in a narrow box, without empty rows', async () => {
      global.ResizeObserver = fakeResizeObserver(390);
      const element = await mount();
      getMyRegistrations.emit(REGISTRATIONS);
      await flush();
      expect(rootOf(element).querySelector('table')).toBeNull();
      const items = Array.from(byId(element, 'row-list').querySelectorAll('li[data-row]'));
      expect(items).toHaveLength(4);
      // Only the approved one has a protection date; no other item shows the label.
      expect(rootOf(element).querySelectorAll('[data-protection]')).toHaveLength(1);
      items.forEach((item) => {
        Array.from(item.querySelectorAll('p')).forEach((p) => expect(p.textContent.trim()).not.toBe(''));
      });
    });

    it('uses the table when its box is wide', async () => {
      global.ResizeObserver = fakeResizeObserver(900);
      const element = await mount();
      getMyRegistrations.emit(REGISTRATIONS);
      await flush();
      expect(byId(element, 'row-list')).toBeNull();
      expect(rootOf(element).querySelectorAll('tbody tr')).toHaveLength(4);
    });
  });

  it('opens a new registration form from the header', async () => {
    const element = await mount();
    expect(byId(element, 'new-form')).toBeNull();
    byId(element, 'new-registration').click();
    await flush();
    expect(byId(element, 'new-form').querySelector('c-deal-registration-form')).not.toBeNull();
  });
});
