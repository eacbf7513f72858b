// Types for the lightning/* and @salesforce/* modules that @salesforce/lightning-types does not cover.
// Apex method imports are typed one by one in apex.d.ts.

declare module 'lightning/platformShowToastEvent' {
  export class ShowToastEvent extends CustomEvent<unknown> {
    constructor(toast: {
      title: string;
      message?: string;
      variant?: 'info' | 'success' | 'warning' | 'error';
      mode?: 'dismissible' | 'pester' | 'sticky';
    });
  }
}

declare module 'lightning/empApi' {
  export interface EmpMessage<T = Record<string, unknown>> {
    channel: string;
    data: { payload: T; event?: { replayId: number } };
  }
  export interface EmpSubscription {
    channel: string;
    id?: string;
  }
  export function subscribe<T = Record<string, unknown>>(
    channel: string,
    replayId: number,
    onMessage: (message: EmpMessage<T>) => void
  ): Promise<EmpSubscription>;
  export function unsubscribe(
    subscription: EmpSubscription,
    callback?: (response: unknown) => void
  ): Promise<unknown>;
  export function onError(callback: (error: unknown) => void): void;
  export function setDebugFlag(flag: boolean): void;
  export function isEmpEnabled(): Promise<boolean>;
}

declare module 'lightning/messageService' {
  export const APPLICATION_SCOPE: symbol;
  export const MessageContext: unknown;
  export interface MessageSubscription {
    readonly __brand?: 'MessageSubscription';
  }
  export function publish(context: unknown, channel: unknown, message: Record<string, unknown>): void;
  export function subscribe(
    context: unknown,
    channel: unknown,
    listener: (message: Record<string, unknown>) => void,
    options?: { scope: symbol }
  ): MessageSubscription;
  export function unsubscribe(subscription: MessageSubscription | null | undefined): void;
}

declare module 'lightning/navigation' {
  type Constructor<T = object> = new (...args: any[]) => T;
  export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
  }
  export const CurrentPageReference: unknown;
  export const NavigationMixin: {
    <T extends Constructor>(
      base: T
    ): T &
      Constructor<{
        [NavigationMixin.Navigate](pageReference: PageReference, replace?: boolean): void;
        [NavigationMixin.GenerateUrl](pageReference: PageReference): Promise<string>;
      }>;
    readonly Navigate: unique symbol;
    readonly GenerateUrl: unique symbol;
  };
}

declare module 'lightning/datatable' {
  import { LightningElement } from 'lwc';
  /** lightning-datatable's class, for components that add custom cell types (static customTypes). */
  export default class LightningDatatable extends LightningElement {
    data: unknown[];
    columns: unknown[];
  }
}

/** An extra HTML template of a component (custom datatable cell types). */
declare module '*.html' {
  const template: unknown;
  export default template;
}

declare module 'lightning/uiObjectInfoApi' {
  /** One field of an object's describe (only what the components read). */
  export interface FieldInfo {
    apiName: string;
    dataType: string;
    label: string;
    /** Maximum characters for text fields; 0 for numbers, dates and the like. */
    length: number;
    required?: boolean;
  }
  export interface ObjectInfo {
    apiName: string;
    fields: Record<string, FieldInfo>;
  }
  /** Wire adapter: @wire(getObjectInfo, { objectApiName }) delivers { data?: ObjectInfo; error? }. */
  export const getObjectInfo: import('lwc').WireAdapterConstructor<
    { objectApiName: unknown },
    { data?: ObjectInfo; error?: unknown }
  >;
}

declare module 'lightning/uiRelatedListApi' {
  /** One record of a related list: field values by `Object.Field`-less API name. */
  export interface RelatedListRecord {
    id: string;
    fields: Record<string, { value: unknown; displayValue?: string | null }>;
  }
  /** Wire adapter: a related list's records; an error when the list does not exist in the org. */
  export const getRelatedListRecords: import('lwc').WireAdapterConstructor<
    { parentRecordId: string | null; relatedListId: string; fields: string[] },
    { data?: { records: RelatedListRecord[] }; error?: unknown }
  >;
}

declare module 'lightning/uiRecordApi' {
  export const getRecord: unknown;
  export function getFieldValue(record: unknown, field: unknown): unknown;
  export function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void>;
}

declare module '@salesforce/apex' {
  export function refreshApex(wiredValue: unknown): Promise<void>;
}

declare module '@salesforce/label/*' {
  const label: string;
  export default label;
}

declare module '@salesforce/messageChannel/*' {
  const channel: unknown;
  export default channel;
}

declare module '@salesforce/schema/*' {
  const field: { fieldApiName: string; objectApiName: string };
  export default field;
}

declare module '@salesforce/user/Id' {
  const id: string;
  export default id;
}
