// Shared empApi mock: tests call emit(channel, payload) to deliver a platform event to subscribers.
const handlers = new Map();
export const subscribe = jest.fn((channel, replayId, callback) => {
  handlers.set(channel, callback);
  return Promise.resolve({ channel, id: channel });
});
export const unsubscribe = jest.fn((subscription, callback) => {
  if (subscription) handlers.delete(subscription.channel);
  if (callback) callback({ successful: true });
  return Promise.resolve({ successful: true });
});
export const onError = jest.fn();
export const setDebugFlag = jest.fn();
export const isEmpEnabled = jest.fn().mockResolvedValue(true);
export function emit(channel, payload) {
  const handler = handlers.get(channel);
  if (!handler) throw new Error(`no subscriber on ${channel}`);
  handler({ channel, data: { payload } });
}
export function reset() {
  handlers.clear();
}
