import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startServer } from './start.js';

// The process entry: validate configuration, start, close gracefully on signals.
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const logger = createLogger({ level: config.logLevel });
const started = await startServer(config, logger);
logger.info(`CERS is running on http://localhost:${config.port}${config.sandbox ? ' (sandbox on)' : ''}`);
closeWithGrace({ delay: 15_000 }, async ({ err }) => {
  if (err) logger.error({ err }, 'closing after error');
  await started.close();
});
