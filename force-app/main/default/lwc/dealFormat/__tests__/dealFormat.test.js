import {
  formatDate,
  formatDuration,
  formatLabel,
  formatMoney,
  formatPercent,
  hasText,
  labelOf,
  observeWidth,
  statusBadgeClass,
  triageBadgeClass
} from 'c/dealFormat';

jest.mock('@salesforce/label/c.DR_Format_Duration_Days_Hours', () => ({ default: '{0} d {1} h' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.DR_Format_Duration_Hours', () => ({ default: '{0} h' }), { virtual: true });
jest.mock('@salesforce/label/c.DR_Format_Duration_Under_Hour', () => ({ default: '< 1 h' }), {
  virtual: true
});

describe('c/dealFormat', () => {
  afterEach(() => {
    delete global.ResizeObserver;
  });

  it('fills label placeholders and leaves missing ones visible', () => {
    expect(formatLabel('{0} of {1}', 3, 7)).toBe('3 of 7');
    expect(formatLabel('{0} of {1}', 3)).toBe('3 of {1}');
  });

  it('looks up prefixed labels with the value or a fallback', () => {
    const labels = { Triage_NEEDS_REVIEW: 'Needs review' };
    expect(labelOf(labels, 'Triage', 'NEEDS_REVIEW')).toBe('Needs review');
    expect(labelOf(labels, 'Triage', 'NEW_VALUE')).toBe('NEW_VALUE');
    expect(labelOf(labels, 'Triage', null, 'Not scored')).toBe('Not scored');
  });

  it('writes durations as days and hours', () => {
    expect(formatDuration(76.9)).toBe('3 d 4 h');
    expect(formatDuration(48)).toBe('2 d 0 h');
    expect(formatDuration(5.5)).toBe('5 h');
    expect(formatDuration(0.2)).toBe('< 1 h');
    expect(formatDuration(null)).toBe('');
    expect(formatDuration(-1)).toBe('');
  });

  it('keeps a date-only value on its calendar day in every time zone', () => {
    const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date('2026-12-01T00:00:00Z')
    );
    expect(formatDate('2026-12-01')).toBe(expected);
    expect(formatDate('')).toBe('');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('formats money without decimals and survives an unknown currency code', () => {
    expect(formatMoney(120000, 'EUR')).toContain('120,000');
    expect(formatMoney(5, 'NOT-A-CODE')).toBe('5');
    expect(formatMoney(null, 'USD')).toBe('');
  });

  it('formats rates as percentages, or the empty text', () => {
    expect(formatPercent(0.714, '-')).toBe('71.4%');
    expect(formatPercent(null, 'No data')).toBe('No data');
  });

  it('tells text from blanks', () => {
    expect(hasText('  ')).toBe(false);
    expect(hasText('x')).toBe(true);
    expect(hasText(0)).toBe(true);
    expect(hasText(null)).toBe(false);
  });

  it('gives triage and status badges their tones', () => {
    expect(triageBadgeClass('AUTO_APPROVED')).toBe('slds-badge slds-theme_success');
    expect(triageBadgeClass('FLAGGED_CONFLICT')).toBe('slds-badge slds-theme_error');
    expect(triageBadgeClass(null)).toBe('slds-badge');
    expect(statusBadgeClass('Approved')).toBe('slds-badge slds-theme_success');
    expect(statusBadgeClass('More Info Requested')).toBe('slds-badge slds-theme_warning');
  });

  it('reports the width of a box, through ResizeObserver when there is one', () => {
    const seen = [];
    let callback;
    const disconnect = jest.fn();
    global.ResizeObserver = class {
      constructor(cb) {
        callback = cb;
      }
      observe() {}
      disconnect() {
        disconnect();
      }
    };
    const stop = observeWidth(document.createElement('div'), (w) => seen.push(w));
    callback([{ contentRect: { width: 390 } }]);
    callback([{ contentRect: { width: 1024 } }]);
    stop();
    expect(seen).toEqual([390, 1024]);
    expect(disconnect).toHaveBeenCalled();
  });

  it('reports the width once where ResizeObserver does not exist', () => {
    const seen = [];
    observeWidth(document.createElement('div'), (w) => seen.push(w));
    expect(seen).toEqual([0]);
  });
});
