// Shared Lightning Message Service mock: publish() is recorded and delivered to subscribers.
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';
const subscribers = new Map();
export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');
export const createMessageContext = jest.fn(() => ({}));
export const releaseMessageContext = jest.fn();
export const publish = jest.fn((context, channel, message) => {
  (subscribers.get(channel) || []).forEach((cb) => cb(message));
});
export const subscribe = jest.fn((context, channel, callback) => {
  const list = subscribers.get(channel) || [];
  list.push(callback);
  subscribers.set(channel, list);
  return { channel, callback };
});
export const unsubscribe = jest.fn((subscription) => {
  if (!subscription) return;
  const list = subscribers.get(subscription.channel) || [];
  subscribers.set(
    subscription.channel,
    list.filter((cb) => cb !== subscription.callback)
  );
});
export const MessageContext = createTestWireAdapter(jest.fn());
export const createMessageChannel = jest.fn();
export function reset() {
  subscribers.clear();
}
