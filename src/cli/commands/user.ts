import { Command, Option } from "commander";
import type { Kysely } from "kysely";
import { createUser, disableUser, newUserSchema } from "../../auth/users.js";
import type { Database } from "../../db/database.js";
import { DomainError, ValidationError } from "../../domain/errors.js";
import { parseOrThrow } from "../../domain/validate.js";
import { CliError, EXIT, usingDatabase, withDatabaseOptions } from "../context.js";
import { generatePassword, promptNewPassword, readPasswordFromStdin } from "../password-input.js";

/**
 * `tsunagu user add | disable`: accounts for real deployments (the demo accounts come with the
 * demo data). The same use case and the same rules as the API: password rules, one center per
 * staff member, one organization per partner, an audit entry.
 */
interface AddOptions {
  email: string;
  role: "staff" | "center_admin" | "partner";
  center?: string;
  organization?: string;
  name?: string;
  profession?: string;
  passwordStdin?: boolean;
  generatePassword?: boolean;
  databaseUrl?: string;
  dataDir?: string;
}

export function userCommand(): Command {
  const user = new Command("user").description("manage accounts (staff, center admins, partners)");

  user.addCommand(
    withDatabaseOptions(new Command("add"))
      .description("create an account; the password is asked for (no echo), read with --password-stdin, or generated")
      .requiredOption("--email <email>", "sign-in e-mail address")
      .addOption(new Option("--role <role>", "what the account may do").choices(["staff", "center_admin", "partner"]).makeOptionMandatory())
      .option("--center <code|id>", "the center of a staff member or center admin: municipality code (e.g. 112038) or center id")
      .option("--organization <id>", "the organization of a partner")
      .option("--name <name>", "display name (default: the e-mail address's local part)")
      .option("--profession <profession>", "e.g. 保健師, 子ども家庭支援員")
      .option("--password-stdin", "read the password from the first line of stdin")
      .option("--generate-password", "generate a strong password and print it once")
      .action(async (opts: AddOptions) => {
        await usingDatabase(opts, async ({ db }) => {
          const centerId = opts.center ? await resolveCenter(db, opts.center) : undefined;
          const password = opts.generatePassword ? generatePassword() : opts.passwordStdin ? await readPasswordFromStdin() : await promptNewPassword();
          const id = await asCliErrors(async () => {
            const input = parseOrThrow(newUserSchema, {
              email: opts.email,
              password,
              role: opts.role,
              centerId,
              organizationId: opts.organization,
              displayName: opts.name ?? opts.email.split("@")[0],
              profession: opts.profession,
            });
            return db.transaction().execute((trx) => createUser(trx, null, input, { requestId: "cli" }));
          });
          console.log(`created ${opts.role} ${opts.email.trim().toLowerCase()} (${id})`);
          if (opts.generatePassword) console.log(`password (shown once): ${password}`);
        });
      }),
  );

  user.addCommand(
    withDatabaseOptions(new Command("disable"))
      .description("disable an account and end its sessions")
      .requiredOption("--email <email>", "the account's e-mail address")
      .action(async (opts: { email: string; databaseUrl?: string; dataDir?: string }) => {
        await usingDatabase(opts, async ({ db }) => {
          await asCliErrors(() => disableUser(db, null, opts.email));
          console.log(`disabled ${opts.email.trim().toLowerCase()}; its sessions ended`);
        });
      }),
  );
  return user;
}

async function resolveCenter(db: Kysely<Database>, ref: string): Promise<string> {
  const column = /^\d{6}$/.test(ref) ? "municipality_code" : "id";
  if (column === "id" && !/^[0-9a-f-]{36}$/i.test(ref)) throw new CliError(`--center must be a 6-digit municipality code or a center id, got "${ref}"`, EXIT.usage);
  const center = await db.selectFrom("center").select("id").where(column, "=", ref).executeTakeFirst();
  if (!center) throw new CliError(`no center ${ref} in this database`, EXIT.error);
  return center.id;
}

/** Use-case errors as plain messages (`password: must be at least 10 characters`). */
async function asCliErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ValidationError) throw new CliError(err.issues.map((i) => `${i.path}: ${i.message}`).join("\n"), EXIT.usage);
    if (err instanceof DomainError) throw new CliError(err.message, EXIT.error);
    throw err;
  }
}
