// Stand-in for `lightning/platformShowToastEvent`: the host page draws the toast, as Lightning
// Experience does (LWR sites show none).
export class ShowToastEvent extends CustomEvent {
  constructor(params) {
    super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail: params });
  }
}
