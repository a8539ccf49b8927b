import { AppError } from '../domain/errors.js';
import { VERSION } from '../version.js';
import { parseCommandArgs } from './args.js';
import { CliError, EXIT } from './errors.js';

const HELP = `orbitshare ${VERSION}: international space cooperation programs, end to end

Usage: orbitshare <command> [options]

Commands:
  serve                 start the web server and API (PORT, default 3000)
  migrate               apply pending database migrations
  seed                  load the demo data (the real programs) into the registry
  export                write the registry as JSON or CSV
  import <file>         upsert registry records from a JSON or CSV export
  user <action>         create accounts, grant and revoke roles, issue API tokens
  audit verify          check the audit log's hash chain and print its head
  help                  show this help

Configuration comes from the environment: PORT, DATA_DIR (default ./data), DATABASE_URL.
Run "orbitshare <command> --help" for the options of one command.
`;

type Command = (args: string[]) => Promise<number>;

/** For commands without options of their own: only --help, and nothing unexpected. */
function noOptions(name: string, summary: string, args: string[]): boolean {
  const { values, positionals } = parseCommandArgs({
    args,
    options: { help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(`Usage: orbitshare ${name}\n\n${summary}\n\nOptions:\n  -h, --help  show this help\n`);
    return true;
  }
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}". Run with --help for the options.`);
  return false;
}

// Each command loads its own modules when it runs: `solve` needs no server or database, and a CLI
// that imported everything up front spent two seconds of CPU before printing its help.
const commands: Record<string, Command> = {
  serve: async (args) => {
    if (noOptions('serve', 'Starts the web server and API (PORT, default 3000).', args)) return EXIT.ok;
    const [{ loadConfig }, { startServer }] = await Promise.all([import('../config.js'), import('../server/start.js')]);
    const server = await startServer(loadConfig());
    const stop = async () => {
      await server.stop();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return new Promise<number>(() => {});
  },
  migrate: async (args) => {
    if (noOptions('migrate', 'Applies pending database migrations.', args)) return EXIT.ok;
    const [{ loadConfig }, { openDatabase }, { migrate }] = await Promise.all([
      import('../config.js'),
      import('../db/connection.js'),
      import('../db/migrate.js'),
    ]);
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    try {
      const applied = await migrate(database);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
    } finally {
      await database.close();
    }
    return EXIT.ok;
  },
  seed: async (args) => (await import('./commands/seed.js')).seedCommand(args),
  export: async (args) => (await import('./commands/export.js')).exportCommand(args),
  import: async (args) => (await import('./commands/import.js')).importCommand(args),
  user: async (args) => (await import('./commands/user.js')).userCommand(args),
  solve: async (args) => (await import('./commands/solve.js')).solveCommand(args),
  audit: async (args) => (await import('./commands/audit.js')).auditCommand(args),
};

/** The message of an error, with every field issue of an AppError that the message does not already show. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (!(error instanceof AppError)) return error.message;
  const extra = error.issues.filter((i) => !error.message.includes(i.message)).map((i) => `\n  ${i.field}: ${i.message}`);
  return `${error.message}${extra.join('')}`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(HELP);
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    console.log(VERSION);
    return EXIT.ok;
  }
  const command = commands[name];
  if (!command) {
    console.error(`orbitshare: unknown command "${name}". Run "orbitshare --help" for the list.`);
    return EXIT.usage;
  }
  try {
    return await command(rest);
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`orbitshare ${name}: ${error.message}`);
      return error.exitCode;
    }
    console.error(`orbitshare ${name}: ${describe(error)}`);
    return EXIT.failure;
  }
}
