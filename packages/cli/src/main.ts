import { Command } from 'commander';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { migrateCommand } from './commands/migrate.js';
import { sandboxCommand } from './commands/sandbox.js';
import { serveCommand } from './commands/serve.js';
import { userCommand } from './commands/user.js';

const program = new Command()
  .name('cers')
  .description('CERS — California Educator Reporting System: server, data generator, import and export tools')
  .showHelpAfterError();

program.addCommand(migrateCommand());
program.addCommand(serveCommand());
program.addCommand(userCommand());
program.addCommand(sandboxCommand());
program.addCommand(exportCommand());
program.addCommand(importCommand());

await program.parseAsync(process.argv);
