// The extension's network layer, bundled alone as dist/http.js and loaded at first use.
export { createDispatcher } from './dispatcher';
export type { RequestRecord } from './dispatcher';
export { getJson, HttpError, safeOrigin } from './request';
export type { GetOptions, HttpErrorKind } from './request';
export { whoami, searchModels, hubEndpoint } from './hub';
export type { HubUser, ModelHit, SearchQuery } from './hub';
