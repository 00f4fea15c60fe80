import { ConfigError, createLogger, loadConfig, startServer } from '@cers/server';
import { Command } from 'commander';
import { fail } from '../context.js';

export function serveCommand(): Command {
  return new Command('serve').description('migrate, load the sandbox if empty, and serve the app and API').action(async () => {
    let config: ReturnType<typeof loadConfig>;
    try {
      config = loadConfig();
    } catch (error) {
      if (error instanceof ConfigError) fail(error.message);
      throw error;
    }
    const logger = createLogger({ level: config.logLevel });
    const started = await startServer(config, logger);
    logger.info(`CERS is running on http://localhost:${config.port}`);
    const stop = async () => {
      await started.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
