// Stand-in for `lightning/messageService`: an in-page bus, so the queue and the score card talk
// through the Deal_Selection__c channel as they do on the console's Lightning page.
const subscriptions = new Map();
let nextId = 1;

export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

function channelName(channel) {
  return channel && typeof channel === 'object' ? channel.channel : String(channel);
}

export class MessageContext {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }
  connect() {
    this.dataCallback({ preview: 'message-context' });
  }
  update() {}
  disconnect() {}
}

export function createMessageContext() {
  return { preview: 'message-context' };
}
export function releaseMessageContext() {}

export function publish(_context, channel, message) {
  const name = channelName(channel);
  for (const s of [...subscriptions.values()]) {
    if (s.channel === name) queueMicrotask(() => s.listener(message));
  }
}

export function subscribe(_context, channel, listener) {
  const subscription = { id: nextId++, channel: channelName(channel), listener };
  subscriptions.set(subscription.id, subscription);
  return subscription;
}

export function unsubscribe(subscription) {
  if (subscription) subscriptions.delete(subscription.id);
}
