/** `ballast list [kind]`: every registered kind with its parameters and defaults. */
import { Command } from "commander";
import { InputError } from "../engine/errors.js";
import { describeParams, didYouMean } from "../engine/params.js";
import { PRESETS } from "../scenarios/presets/index.js";
import { LISTED } from "./kinds.js";

export function listCommand(): Command {
  return new Command("list")
    .description("list registered models, shocks, oracles, execution models and strategies")
    .argument("[kind]", `one of: ${[...Object.keys(LISTED), "presets"].join(", ")}`)
    .action((kind: string | undefined) => {
      const names = [...Object.keys(LISTED), "presets"];
      if (kind !== undefined && !names.includes(kind)) {
        throw new InputError([
          {
            code: "unknown_kind",
            path: "list",
            message: `unknown kind "${kind}"${didYouMean(kind, names)}; allowed: ${names.join(", ")}`,
          },
        ]);
      }
      process.stdout.write(renderList(kind ? [kind] : names));
    });
}

export function renderList(groups: readonly string[]): string {
  const lines: string[] = [];
  for (const g of groups) {
    if (g === "presets") {
      lines.push(
        "presets (market.presets: [name, …]):",
        ...PRESETS.flatMap((p) => [
          `  ${p.name} — ${p.description}`,
          `    assets: ${p.assets.join(", ")}; source: ${p.source}`,
        ]),
        "",
      );
      continue;
    }
    const reg = LISTED[g];
    if (!reg) continue;
    lines.push(`${g}:`);
    for (const def of reg.list()) {
      lines.push(`  ${def.kind} — ${def.summary}`);
      if (def.source) lines.push(`    source: ${def.source}`);
      for (const p of describeParams(def.params)) lines.push(`    ${p}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
