// Stand-in for `@salesforce/apex/Class.method`: each import is a function that calls the preview
// org over HTTP (imperative Apex) and carries a wire adapter (`@wire(method, config)`), as on the
// platform. refreshApex(value) re-runs the adapter that delivered `value`.
const delivered = new WeakMap();

function persona() {
  return (globalThis.PREVIEW && globalThis.PREVIEW.persona) || '';
}

/** Rejects with the shape Lightning gives an Apex error: { status, body: { message } }. */
async function call(cls, method, params) {
  const response = await fetch(`/apex/${cls}.${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-preview-persona': persona() },
    body: JSON.stringify(params ?? {})
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw {
      status: response.status,
      statusText: response.statusText,
      body: {
        message: (body && body.message) || response.statusText,
        exceptionType: (body && body.exceptionType) || 'System.AuraHandledException'
      }
    };
  }
  return body;
}

export function apexMethod(cls, method) {
  const invoke = (params) => call(cls, method, params);
  class ApexWireAdapter {
    constructor(dataCallback) {
      this.dataCallback = dataCallback;
      this.config = undefined;
      this.connected = false;
      this.sequence = 0;
    }
    connect() {
      this.connected = true;
      if (this.config !== undefined) this.load();
    }
    update(config) {
      this.config = config;
      if (this.connected) this.load();
    }
    disconnect() {
      this.connected = false;
    }
    load() {
      const sequence = ++this.sequence;
      return invoke(this.config).then(
        (data) => this.deliver(sequence, { data, error: undefined }),
        (error) => this.deliver(sequence, { data: undefined, error })
      );
    }
    deliver(sequence, value) {
      if (sequence !== this.sequence || !this.connected) return;
      delivered.set(value, this);
      this.dataCallback(value);
    }
  }
  invoke.adapter = ApexWireAdapter;
  return invoke;
}

export function refreshApex(value) {
  const adapter = value && delivered.get(value);
  return adapter ? adapter.load() : Promise.resolve();
}

export function getSObjectValue(record, field) {
  const name = typeof field === 'string' ? field : field.fieldApiName;
  return record ? record[name] : undefined;
}
