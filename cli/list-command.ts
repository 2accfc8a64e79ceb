/** `ballast list [kind]`: every registered kind with its parameters and defaults. */
import { Command } from "commander";
import { InputError } from "../engine/errors.js";
import type { ParamSpecs } from "../engine/params.js";
import { describeParams, didYouMean } from "../engine/params.js";
import { PRESETS } from "../scenarios/presets/index.js";
import { liquidatorEntrySpecs } from "../scenarios/schema/plumbing.js";
import { LOAN_SPECS, OPTION_SPECS, PERP_ENTRY_SPECS } from "../scenarios/schema/sections.js";
import { KINDS, LISTED } from "./kinds.js";

/** Scenario entries that are not registry kinds, listed the same way: entry → its keys. */
const ENTRIES: Readonly<Record<string, { heading: string; entries: Record<string, ParamSpecs> }>> = {
  liquidators: {
    heading: "liquidators (liquidators: [{ name, … }]; one default keeper when a lending venue has none)",
    entries: { liquidator: liquidatorEntrySpecs(KINDS) },
  },
  book: {
    heading: "book (positions at the start: book: [{ kind, … }])",
    entries: { option: OPTION_SPECS, perp: PERP_ENTRY_SPECS, loan: LOAN_SPECS },
  },
};

const GROUPS = [...Object.keys(LISTED), ...Object.keys(ENTRIES), "presets"];

export function listCommand(): Command {
  return new Command("list")
    .description(
      "list registered models, shocks, oracles, execution models, strategies, venues, liquidators and book entries",
    )
    .argument("[kind]", `one of: ${GROUPS.join(", ")}`)
    .action((kind: string | undefined) => {
      const names = GROUPS;
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
    const entries = ENTRIES[g];
    if (entries) {
      lines.push(`${entries.heading}:`);
      for (const [name, specs] of Object.entries(entries.entries)) {
        lines.push(`  ${name}`);
        const { kind: _kind, ...keys } = specs;
        for (const p of describeParams(keys)) lines.push(`    ${p}`);
      }
      lines.push("");
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
