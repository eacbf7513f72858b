// Shared toast mock: a real CustomEvent so tests can listen for 'lightning__showtoast'.
export const ShowToastEvent = class extends CustomEvent {
  constructor(toast) {
    super('lightning__showtoast', { composed: true, bubbles: true, cancelable: true, detail: toast });
  }
};
