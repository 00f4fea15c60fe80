export { buildApp } from './app.js';
export { hashPassword, verifyPassword } from './auth/passwords.js';
export { type Config, ConfigError, databaseOptions, loadConfig } from './config.js';
export type { AppContext } from './context.js';
export { createLogger } from './logger.js';
export { type StartedServer, startServer } from './start.js';
