export * from './platform.ts';
export * from './org.ts';
export * from './auth.ts';
export * from './audit.ts';
export * from './messaging.ts';
export * from './imports.ts';
export * from './wheel.ts';
export * from './mapping.ts';
