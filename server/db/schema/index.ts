export * from './users.js';
export * from './sessions.js';
export * from './audit.js';
export * from './bags.js';
export * from './scans.js';
export * from './bills.js';
