import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { startServer } from '../server/start.js';
import { VERSION } from '../version.js';
import { CliError, EXIT } from './errors.js';

const HELP = `orbitshare ${VERSION}: international space cooperation programs, end to end

Usage: orbitshare <command> [options]

Commands:
  serve                 start the web server and API (PORT, default 3000)
  migrate               apply pending database migrations
  help                  show this help

Configuration comes from the environment: PORT, DATA_DIR (default ./data), DATABASE_URL.
Run "orbitshare <command> --help" for the options of one command.
`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  serve: async () => {
    const server = await startServer(loadConfig());
    const stop = async () => {
      await server.stop();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return new Promise<number>(() => {});
  },
  migrate: async () => {
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
};

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
    console.error(`orbitshare ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failure;
  }
}
