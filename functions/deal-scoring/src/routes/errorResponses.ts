import { ErrorResponse } from '../schemas';

const err = (description: string) => ({ ...ErrorResponse, description });

/** The error responses every authenticated route documents. */
export const ERROR_RESPONSES = {
  400: err('Invalid request: errors[] lists JSON-pointer paths and messages'),
  401: err('Missing or invalid API key'),
  413: err('Request body larger than the limit'),
  415: err('Content-Type is not application/json'),
  429: err('Rate limit exceeded'),
  500: err('Internal Server Error'),
  503: err('Busy (the worker queue is full) or shutting down: retry after the Retry-After header')
} as const;
