export * from './base64url.ts';
export * from './safe-json.ts';
export * from './share-link.ts';
export * from './share-context.ts';
