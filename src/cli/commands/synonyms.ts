import { Command } from "commander";
import { BUILT_IN_SYNONYMS, addSynonymGroup, listSynonymGroups, removeSynonymGroup } from "../../search/synonyms.js";
import { CliError, EXIT, usingDatabase, withDatabaseOptions } from "../context.js";

/**
 * `tsunagu synonyms`: the search synonym groups staff maintain (「ファミサポ」 = 「ファミリーサポート」).
 * Changes reach every search index through the outbox.
 */
export function synonymsCommand(): Command {
  const command = new Command("synonyms").description("list, add or remove search synonym groups");
  command.addCommand(
    withDatabaseOptions(new Command("list"))
      .description("show the built-in groups and the ones staff added")
      .action(async (opts: { databaseUrl?: string; dataDir?: string }) => {
        await usingDatabase(opts, async ({ db }) => {
          for (const group of BUILT_IN_SYNONYMS) console.log(`built-in  ${group.join(" = ")}`);
          for (const g of await listSynonymGroups(db)) console.log(`${g.id}  ${g.terms.join(" = ")}${g.note ? `  (${g.note})` : ""}`);
        });
      }),
  );
  command.addCommand(
    withDatabaseOptions(new Command("add"))
      .description("add a group of words that mean the same")
      .argument("<terms...>", "two or more words")
      .option("--note <text>", "why the group exists")
      .action(async (terms: string[], opts: { note?: string; databaseUrl?: string; dataDir?: string }) => {
        if (terms.length < 2) throw new CliError("give at least two words", EXIT.usage);
        await usingDatabase(opts, async ({ db }) => {
          const group = await addSynonymGroup(db, { terms, note: opts.note });
          console.log(`added ${group.id}: ${group.terms.join(" = ")}`);
        });
      }),
  );
  command.addCommand(
    withDatabaseOptions(new Command("remove"))
      .description("remove a group added by staff")
      .argument("<id>", "the group's id (see `synonyms list`)")
      .action(async (id: string, opts: { databaseUrl?: string; dataDir?: string }) => {
        if (!/^[0-9a-f-]{36}$/i.test(id)) throw new CliError(`not a group id: ${id}`, EXIT.usage);
        await usingDatabase(opts, async ({ db }) => {
          if (!(await removeSynonymGroup(db, id))) throw new CliError(`no synonym group ${id}`);
          console.log(`removed ${id}`);
        });
      }),
  );
  return command;
}
