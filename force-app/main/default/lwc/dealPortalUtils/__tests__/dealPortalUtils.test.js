import { ALL_STATUSES, STATUS, createDebouncer, createPoller, nextInstanceId } from 'c/dealPortalUtils';
import { STATUS as VOCABULARY_STATUS } from 'c/dealVocabulary';

describe('c/dealPortalUtils', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('takes the statuses from the shared vocabulary', () => {
    expect(STATUS).toBe(VOCABULARY_STATUS);
    expect(ALL_STATUSES).toEqual(Object.values(VOCABULARY_STATUS));
  });

  it('gives every instance its own id', () => {
    const a = nextInstanceId('x');
    const b = nextInstanceId('x');
    expect(a).not.toBe(b);
    expect(a.startsWith('x-')).toBe(true);
  });

  it('debounces to one call after the last schedule', () => {
    const callback = jest.fn();
    const debouncer = createDebouncer(callback, 100);
    debouncer.schedule();
    jest.advanceTimersByTime(60);
    debouncer.schedule();
    jest.advanceTimersByTime(60);
    expect(callback).not.toHaveBeenCalled();
    jest.advanceTimersByTime(40);
    expect(callback).toHaveBeenCalledTimes(1);
    debouncer.schedule();
    debouncer.cancel();
    jest.advanceTimersByTime(200);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('polls while started and the page is visible, and stops', () => {
    const callback = jest.fn();
    const poller = createPoller(callback, 1000);
    poller.start();
    poller.start(); // a second start does not double the rate
    jest.advanceTimersByTime(3000);
    expect(callback).toHaveBeenCalledTimes(3);
    const visibility = jest.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    jest.advanceTimersByTime(3000);
    expect(callback).toHaveBeenCalledTimes(3);
    visibility.mockRestore();
    poller.stop();
    jest.advanceTimersByTime(3000);
    expect(callback).toHaveBeenCalledTimes(3);
  });
});
