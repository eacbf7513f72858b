// Stand-in for `lightning/empApi`: platform events the preview org publishes reach subscribers
// through one server-sent-events stream.
const handlers = new Map();
let errorHandler;
let source;
let nextId = 1;

function ensureStream() {
  if (source) return;
  source = new EventSource('/events');
  source.onmessage = (e) => {
    const event = JSON.parse(e.data);
    for (const h of handlers.values()) {
      if (h.channel === event.channel)
        h.callback({ channel: event.channel, data: { payload: event.payload } });
    }
  };
  source.onerror = () => {
    if (errorHandler && source.readyState === EventSource.CLOSED) errorHandler({ error: 'stream closed' });
  };
}

export function isEmpEnabled() {
  return Promise.resolve(true);
}
export function subscribe(channel, _replayId, callback) {
  ensureStream();
  const subscription = { id: nextId++, channel };
  handlers.set(subscription.id, { channel, callback });
  return Promise.resolve(subscription);
}
export function unsubscribe(subscription, callback) {
  if (subscription) handlers.delete(subscription.id);
  if (callback) callback({ successful: true });
  return Promise.resolve({ successful: true });
}
export function onError(callback) {
  errorHandler = callback;
}
export function setDebugFlag() {}
