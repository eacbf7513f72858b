import { flushPromises, mountElement, byId, clearDom } from '../../../../../test/jest-utils/lwcTestUtils';
import DealReviewQueue from 'c/dealReviewQueue';
import getQueue from '@salesforce/apex/DealReviewController.getQueue';
import getConsoleSettings from '@salesforce/apex/DealReviewController.getConsoleSettings';
import {
  emit,
  reset as resetEmp,
  subscribe as empSubscribe,
  unsubscribe as empUnsubscribe
} from 'lightning/empApi';
import { publish, reset as resetLms } from 'lightning/messageService';
import DEAL_SELECTION from '@salesforce/messageChannel/Deal_Selection__c';

const PAGE_1 = require('./data/queuePage1.json');
const PAGE_2 = require('./data/queuePage2.json');
const SETTINGS = require('./data/consoleSettings.json');
const ONLY_PAGE = { ...PAGE_1, totalCount: 2, hasMore: false, nextCursor: null };

jest.mock('@salesforce/apex/DealReviewController.getQueue', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/DealReviewController.getConsoleSettings', () => ({ default: jest.fn() }), {
  virtual: true
});

jest.mock('@salesforce/label/c.DR_Format_Duration_Days_Hours', () => ({ default: '{0} d {1} h' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.DR_Format_Duration_Hours', () => ({ default: '{0} h' }), { virtual: true });

const CHANNEL = '/event/Deal_Scored__e';

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

const flush = () => flushPromises(12);

function mount() {
  return mountElement('c-deal-review-queue', DealReviewQueue);
}

function table(element) {
  return element.shadowRoot.querySelector('c-deal-queue-table');
}

function lastQuery() {
  return getQueue.mock.calls[getQueue.mock.calls.length - 1][0].query;
}

describe('c-deal-review-queue', () => {
  beforeEach(() => {
    getConsoleSettings.mockResolvedValue(SETTINGS);
  });

  afterEach(() => {
    clearDom();
    jest.clearAllMocks();
    jest.useRealTimers();
    resetEmp();
    resetLms();
  });

  it('loads the first page oldest-first and shows rows, the count and the overdue highlight', async () => {
    getQueue.mockResolvedValue(PAGE_1);
    const element = mount();
    await flush();

    expect(getQueue).toHaveBeenCalledTimes(1);
    expect(lastQuery()).toEqual(
      expect.objectContaining({ sortBy: 'ageHours', sortDirection: 'desc', pageSize: 50, cursor: null })
    );
    const dt = table(element);
    expect(dt.keyField).toBe('id');
    expect(dt.data.map((r) => r.id)).toEqual(['a0B000000000001AAA', 'a0B000000000002AAA']);
    const [overdue, fresh] = dt.data;
    expect(overdue.ageIcon).toBe('utility:warning');
    expect(overdue.ageClass).toContain('slds-text-color_error');
    expect(overdue.ageIconText).toBe('c.DR_Console_Overdue');
    expect(overdue.triageLabel).toBe('c.DR_Console_Triage_FLAGGED_CONFLICT');
    expect(fresh.ageIcon).toBeNull();
    expect(fresh.statusText).toBe('c.DR_Console_Partner_Answered');
    expect(overdue.statusText).toBe('Conflict Review');
    expect(byId(element, 'count').textContent).toBe('c.DR_Console_Queue_Count');
    expect(byId(element, 'empty')).toBeNull();
    const ageColumn = dt.columns.find((c) => c.fieldName === 'ageHours');
    expect(ageColumn.sortable).toBe(true);
    expect(ageColumn.cellAttributes.class).toEqual({ fieldName: 'ageClass' });
  });

  it('shows the empty state when nothing waits for review', async () => {
    getQueue.mockResolvedValue({ rows: [], totalCount: 0, hasMore: false, nextCursor: null, slaHours: 48 });
    const element = mount();
    await flush();
    expect(byId(element, 'empty')).not.toBeNull();
    expect(byId(element, 'load-more')).toBeNull();
    expect(table(element).data).toEqual([]);
  });

  it('shows the error panel when the queue cannot load, and clears it after a successful retry', async () => {
    getQueue.mockRejectedValueOnce({ body: { message: 'Only channel managers can use the console.' } });
    const element = mount();
    await flush();
    const panel = element.shadowRoot.querySelector('c-error-panel');
    expect(panel).not.toBeNull();
    expect(panel.errors).toEqual({ body: { message: 'Only channel managers can use the console.' } });
    expect(byId(element, 'empty')).toBeNull();

    getQueue.mockResolvedValue(ONLY_PAGE);
    byId(element, 'refresh').click();
    await flush();
    expect(element.shadowRoot.querySelector('c-error-panel')).toBeNull();
    expect(table(element).data).toHaveLength(2);
  });

  it('reloads with the chosen filters, and hides the tier filter when the org has no tier field', async () => {
    getQueue.mockResolvedValue(PAGE_1);
    getConsoleSettings.mockResolvedValue({ ...SETTINGS, partnerTierAvailable: false });
    const element = mount();
    await flush();
    expect(element.shadowRoot.querySelector('[data-filter="tier"]')).toBeNull();
    expect(table(element).columns.some((c) => c.fieldName === 'tierLabel')).toBe(false);

    const triage = element.shadowRoot.querySelector('[data-filter="triage"]');
    triage.dispatchEvent(new CustomEvent('change', { detail: { value: 'FLAGGED_CONFLICT' } }));
    await flush();
    const band = element.shadowRoot.querySelector('[data-filter="band"]');
    band.dispatchEvent(new CustomEvent('change', { detail: { value: 'LARGE' } }));
    await flush();
    const overdue = element.shadowRoot.querySelector('[data-filter="overdueOnly"]');
    overdue.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    await flush();

    expect(lastQuery()).toEqual(
      expect.objectContaining({
        triage: ['FLAGGED_CONFLICT'],
        valueBands: ['LARGE'],
        regions: [],
        partnerTiers: [],
        overdueOnly: true,
        cursor: null
      })
    );
  });

  it('offers tier filtering and value bands from the settings', async () => {
    getQueue.mockResolvedValue(PAGE_1);
    const element = mount();
    await flush();
    const tier = element.shadowRoot.querySelector('[data-filter="tier"]');
    expect(tier).not.toBeNull();
    expect(tier.options.map((o) => o.value)).toEqual(['', 'PLATINUM', 'GOLD', 'SILVER', 'REGISTERED']);
    tier.dispatchEvent(new CustomEvent('change', { detail: { value: 'GOLD' } }));
    await flush();
    expect(lastQuery().partnerTiers).toEqual(['GOLD']);
    const band = element.shadowRoot.querySelector('[data-filter="band"]');
    expect(band.options.map((o) => o.value)).toEqual(['', 'SMALL', 'MEDIUM', 'LARGE']);
  });

  it('sorts on the server when a sortable column header is used', async () => {
    getQueue.mockResolvedValue(PAGE_1);
    const element = mount();
    await flush();
    table(element).dispatchEvent(
      new CustomEvent('sort', { detail: { fieldName: 'value', sortDirection: 'asc' } })
    );
    await flush();
    expect(lastQuery()).toEqual(
      expect.objectContaining({ sortBy: 'value', sortDirection: 'asc', cursor: null })
    );
    expect(table(element).sortedBy).toBe('value');
    expect(table(element).sortedDirection).toBe('asc');

    const calls = getQueue.mock.calls.length;
    table(element).dispatchEvent(
      new CustomEvent('sort', { detail: { fieldName: 'triageLabel', sortDirection: 'asc' } })
    );
    await flush();
    expect(getQueue.mock.calls.length).toBe(calls);
  });

  it('loads the next page with the cursor, from the button and from infinite scrolling', async () => {
    getQueue.mockResolvedValueOnce(PAGE_1).mockResolvedValueOnce(PAGE_2);
    const element = mount();
    await flush();
    expect(table(element).enableInfiniteLoading).toBe(true);
    byId(element, 'load-more').click();
    await flush();
    expect(lastQuery().cursor).toBe('cursor-1');
    expect(table(element).data.map((r) => r.id)).toEqual([
      'a0B000000000001AAA',
      'a0B000000000002AAA',
      'a0B000000000003AAA'
    ]);
    expect(byId(element, 'load-more')).toBeNull();
    expect(table(element).enableInfiniteLoading).toBe(false);
    expect(table(element).data[2].triageLabel).toBe('c.DR_Console_Not_Scored');

    const calls = getQueue.mock.calls.length;
    table(element).dispatchEvent(new CustomEvent('loadmore'));
    await flush();
    expect(getQueue.mock.calls.length).toBe(calls);
  });

  it('publishes the selected registration on Deal_Selection__c, from the checkbox and the name button', async () => {
    getQueue.mockResolvedValue(PAGE_1);
    const element = mount();
    await flush();
    table(element).dispatchEvent(
      new CustomEvent('rowselection', { detail: { selectedRows: [PAGE_1.rows[1]] } })
    );
    expect(publish).toHaveBeenCalledWith(undefined, DEAL_SELECTION, { recordId: 'a0B000000000002AAA' });
    await flush();
    expect(table(element).selectedRows).toEqual(['a0B000000000002AAA']);

    table(element).dispatchEvent(
      new CustomEvent('rowaction', { detail: { action: { name: 'select' }, row: PAGE_1.rows[0] } })
    );
    expect(publish).toHaveBeenLastCalledWith(undefined, DEAL_SELECTION, { recordId: 'a0B000000000001AAA' });
    expect(publish).toHaveBeenCalledTimes(2);
  });

  it('refreshes in place when Deal_Scored__e arrives, keeping the loaded rows and the selection', async () => {
    jest.useFakeTimers();
    getQueue.mockResolvedValueOnce(PAGE_1).mockResolvedValueOnce(PAGE_2);
    const element = mount();
    await flush();
    byId(element, 'load-more').click();
    await flush();
    table(element).dispatchEvent(
      new CustomEvent('rowselection', { detail: { selectedRows: [PAGE_1.rows[0]] } })
    );
    await flush();
    expect(empSubscribe).toHaveBeenCalledWith(CHANNEL, -1, expect.any(Function));

    const rescored = {
      ...PAGE_1,
      rows: [{ ...PAGE_1.rows[0], score: 90, triage: 'NEEDS_REVIEW' }, PAGE_1.rows[1], PAGE_2.rows[0]],
      hasMore: false,
      nextCursor: null
    };
    getQueue.mockResolvedValue(rescored);
    const callsBefore = getQueue.mock.calls.length;
    const columnsBefore = table(element).columns;
    emit(CHANNEL, { Deal_Registration_Id__c: 'a0B000000000001AAA', Score__c: 90 });
    emit(CHANNEL, { Deal_Registration_Id__c: 'a0B000000000002AAA', Score__c: 70 });
    jest.advanceTimersByTime(749);
    expect(getQueue.mock.calls.length).toBe(callsBefore);
    jest.advanceTimersByTime(1);
    await flush();

    expect(getQueue.mock.calls.length).toBe(callsBefore + 1);
    expect(lastQuery()).toEqual(expect.objectContaining({ cursor: null, pageSize: 50 }));
    const dt = table(element);
    expect(dt.data).toHaveLength(3);
    expect(dt.data[0].score).toBe(90);
    expect(dt.data[0].triageLabel).toBe('c.DR_Console_Triage_NEEDS_REVIEW');
    expect(dt.selectedRows).toEqual(['a0B000000000001AAA']);
    expect(dt.columns).toBe(columnsBefore);
    expect(byId(element, 'table-container')).not.toBeNull();
    expect(byId(element, 'status').textContent).toBe('c.DR_Console_Queue_Updated');
  });

  it('refreshes when the score card announces a decision, but not on a plain selection', async () => {
    jest.useFakeTimers();
    getQueue.mockResolvedValue(ONLY_PAGE);
    mount();
    await flush();
    const calls = getQueue.mock.calls.length;
    publish(undefined, DEAL_SELECTION, { recordId: 'a0B000000000001AAA' });
    jest.advanceTimersByTime(1000);
    await flush();
    expect(getQueue.mock.calls.length).toBe(calls);
    publish(undefined, DEAL_SELECTION, { recordId: 'a0B000000000001AAA', decision: 'APPROVE' });
    jest.advanceTimersByTime(1000);
    await flush();
    expect(getQueue.mock.calls.length).toBe(calls + 1);
  });

  it('keeps the rows and shows the error when a live refresh fails', async () => {
    jest.useFakeTimers();
    getQueue.mockResolvedValueOnce(PAGE_1).mockRejectedValueOnce(new Error('network down'));
    const element = mount();
    await flush();
    emit(CHANNEL, { Deal_Registration_Id__c: 'a0B000000000001AAA' });
    jest.advanceTimersByTime(750);
    await flush();
    expect(table(element).data).toHaveLength(2);
    expect(element.shadowRoot.querySelector('c-error-panel').errors).toEqual(new Error('network down'));
  });

  it('says live updates are off when the streaming subscription fails', async () => {
    getQueue.mockResolvedValue(PAGE_1);
    empSubscribe.mockRejectedValueOnce(new Error('CometD unavailable'));
    const element = mount();
    await flush();
    expect(byId(element, 'live-unavailable')).not.toBeNull();
  });

  it('unsubscribes from the event channel when removed', async () => {
    getQueue.mockResolvedValue(PAGE_1);
    const element = mount();
    await flush();
    document.body.removeChild(element);
    expect(empUnsubscribe).toHaveBeenCalledWith(expect.objectContaining({ channel: CHANNEL }));
    expect(() => emit(CHANNEL, {})).toThrow('no subscriber');
  });

  it('re-reads every loaded row on a live refresh, page after page, when more than one page is loaded', async () => {
    jest.useFakeTimers();
    const row = (i) => ({
      ...PAGE_1.rows[1],
      id: `a0B0000000001${String(i).padStart(2, '0')}AAA`,
      name: `DR-${i}`
    });
    const first = {
      rows: Array.from({ length: 50 }, (_, i) => row(i)),
      totalCount: 120,
      hasMore: true,
      nextCursor: 'c50'
    };
    const second = {
      rows: Array.from({ length: 50 }, (_, i) => row(50 + i)),
      totalCount: 120,
      hasMore: true,
      nextCursor: 'c100'
    };
    getQueue.mockResolvedValueOnce(first).mockResolvedValueOnce(second);
    const element = mount();
    await flush();
    byId(element, 'load-more').click();
    await flush();
    expect(table(element).data).toHaveLength(100);

    const refreshed = {
      rows: Array.from({ length: 100 }, (_, i) => row(i)),
      totalCount: 121,
      hasMore: true,
      nextCursor: 'c100b'
    };
    getQueue.mockResolvedValueOnce(refreshed);
    const before = getQueue.mock.calls.length;
    emit(CHANNEL, { Deal_Registration_Id__c: 'a0B000000000100AAA' });
    jest.advanceTimersByTime(750);
    await flush();
    expect(getQueue.mock.calls.length).toBe(before + 1);
    expect(lastQuery()).toEqual(expect.objectContaining({ cursor: null, pageSize: 100 }));
    expect(table(element).data).toHaveLength(100);
    expect(byId(element, 'count')).not.toBeNull();
    expect(byId(element, 'load-more')).not.toBeNull();
  });

  describe('layout by available width (issue 10)', () => {
    afterEach(() => {
      delete global.ResizeObserver;
    });

    it('shows as many columns as fit its region, never crushing ten into half a page', async () => {
      global.ResizeObserver = fakeResizeObserver(600);
      getQueue.mockResolvedValue(PAGE_1);
      const element = mount();
      await flush();
      expect(table(element).columns.map((c) => c.fieldName)).toEqual([
        'name',
        'score',
        'triageLabel',
        'customerName'
      ]);
    });

    it('shows every column, the tier too, when the region is wide', async () => {
      global.ResizeObserver = fakeResizeObserver(1600);
      getQueue.mockResolvedValue(PAGE_1);
      const element = mount();
      await flush();
      const fields = table(element).columns.map((c) => c.fieldName);
      expect(fields).toHaveLength(10);
      expect(fields).toContain('tierLabel');
    });

    it('shows triage and status as badges and ages as days and hours', async () => {
      getQueue.mockResolvedValue(PAGE_1);
      const element = mount();
      await flush();
      const dt = table(element);
      const byField = Object.fromEntries(dt.columns.map((c) => [c.fieldName, c]));
      expect(byField.triageLabel.type).toBe('badge');
      expect(byField.statusText.type).toBe('badge');
      expect(byField.ageHours.type).toBe('duration');
      const [overdue, fresh] = dt.data;
      expect(overdue.triageClass).toBe('slds-badge slds-theme_error');
      expect(overdue.statusClass).toContain('slds-badge');
      expect(overdue.ageText).toBe('3 d 0 h');
      expect(fresh.ageText).toBe('2 h');
    });
  });
});
