/** `ballast merge <shard folders…> --out DIR`: one run folder from the folders of `--shard K/N`. */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { Command } from "commander";
import { InputError } from "../engine/errors.js";

export function mergeCommand(): Command {
  return new Command("merge")
    .description("merge the folders of a --shard K/N run into the folder of the whole run")
    .argument("<shards...>", "the N shard folders (any order)")
    .requiredOption("--out <dir>", "the merged run folder to write")
    .option("--overwrite", "replace the --out folder if it exists")
    .option("--json", "print summary.json to stdout")
    .action(async (dirs: string[], flags: { out: string; overwrite?: boolean; json?: boolean }) => {
      const target = resolve(flags.out);
      if (existsSync(target) && flags.overwrite !== true) {
        throw new InputError([
          {
            code: "exists",
            path: "--out",
            message: `${flags.out} exists; allowed: a new folder, or --overwrite`,
          },
        ]);
      }
      const { mergedResults, readShardFolders } = await import("./merge.js");
      const sweep = await import("./merge-sweep.js");
      const [first] = await readShardFolders(dirs.slice(0, 1));
      if (sweep.isSweepSummary(first?.summary)) {
        await sweep.mergeSweep(dirs, target);
        process.stdout.write(`${flags.out}\n`);
        return;
      }
      const { writeRunFolder } = await import("../reports/run-folder.js");
      const { results, quantiles } = await mergedResults(dirs);
      const dir = await writeRunFolder(dirname(target), basename(target), results, {
        quantiles,
        overwrite: flags.overwrite === true,
      });
      if (flags.json) process.stdout.write(await readFile(join(dir, "summary.json"), "utf8"));
      else process.stdout.write(`${flags.out}\n`);
    });
}
