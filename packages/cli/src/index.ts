export { fail, openConfiguredDb, withDb } from './context.js';
