import { checkExpectedHead, parseExpectedHead, verifyAuditChain } from '../../services/audit/verify-audit-chain.js';
import { parseCommandArgs } from '../args.js';
import { withDatabase } from '../database.js';
import { CliError, EXIT } from '../errors.js';

export const HELP = `Usage: orbitshare audit verify [--expect-head N:HASH]

Checks the whole hash chain of the audit log: every row's hash against its content and its link to
the row before. Prints the number of rows and the head (the newest row's number and hash). Exits 1
when the chain is broken or the expected head is missing.

Deleting the newest rows leaves a shorter chain that is still intact. Keep the head this command
prints somewhere the database's administrators cannot write (see the README, "Audit log"), and pass
it back with --expect-head: it must still be in the chain, which proves nothing after it was removed
or rewritten.

Options:
  --expect-head N:HASH  a head printed earlier ("N:HASH", or the HASH alone)
  -h, --help            show this help
`;

export async function auditCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: { 'expect-head': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(HELP);
    return EXIT.ok;
  }
  const [action, extra] = positionals;
  if (action !== 'verify') {
    throw new CliError(
      action ? `unknown action "${action}"; the action is "verify".` : 'name the action: orbitshare audit verify.',
    );
  }
  if (extra !== undefined) throw new CliError(`unexpected argument "${extra}". Run with --help for the options.`);
  const expectedText = values['expect-head'];
  const expected = expectedText === undefined ? undefined : parseExpectedHead(expectedText);
  if (expected === null) {
    throw new CliError(`--expect-head must be N:HASH or HASH (64 hexadecimal digits), as "audit verify" prints it.`);
  }

  return withDatabase(async ({ db }) => {
    const report = await verifyAuditChain(db);
    console.log(`rows: ${report.rows}`);
    console.log(`head number: ${report.head?.id ?? 'none'}`);
    console.log(`head hash: ${report.head?.hash ?? 'none'}`);
    if (report.head) console.log(`head: ${report.head.id}:${report.head.hash}`);
    let ok = true;
    if (!report.intact) {
      console.error(
        `orbitshare audit: the chain is broken at row ${report.firstBrokenId}: it was edited, removed or inserted out of band`,
      );
      ok = false;
    }
    if (expected) {
      const check = await checkExpectedHead(db, expected);
      if (check.ok)
        console.log(`expected head ${expected.id ?? ''}${expected.id !== undefined ? ':' : ''}${expected.hash}: present`);
      else {
        console.error(`orbitshare audit: ${check.reason}`);
        ok = false;
      }
    }
    if (ok) console.log('the audit log is intact');
    return ok ? EXIT.ok : EXIT.failure;
  });
}
