/**
 * Writes a systemic run folder atomically: everything goes into a hidden sibling
 * `.<name>.tmp-<pid>-<n>`, renamed to the first free name of `<name>`, `<name>-2`, … (or replacing
 * `<name>` with `overwrite`) once complete; on any error the temporary folder is removed.
 * Tables become Parquet with `time_ms` stored as `time` TIMESTAMP (UTC) and NaN as NULL.
 */
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { createTable, quoteIdent, quoteString, withConnection } from "../../reports/store.js";
import type { ColumnTable } from "../../reports/types.js";

let counter = 0;

export async function writeSystemicFolder(
  outRoot: string,
  name: string,
  tables: Readonly<Record<string, ColumnTable>>,
  texts: Readonly<Record<string, string>>,
  overwrite: boolean,
): Promise<string> {
  await mkdir(outRoot, { recursive: true });
  const temp = join(outRoot, `.${name}.tmp-${process.pid}-${++counter}`);
  await mkdir(temp);
  try {
    for (const [file, text] of Object.entries(texts)) await writeFile(join(temp, file), text);
    await withConnection(async (c) => {
      for (const [t, table] of Object.entries(tables))
        await copyTable(c, t, table, join(temp, `${t}.parquet`));
    });
    return await publish(temp, outRoot, name, overwrite);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

async function copyTable(c: DuckDBConnection, name: string, table: ColumnTable, file: string): Promise<void> {
  await createTable(c, name, table);
  const select = Object.entries(table.columns).map(([col, values]) => {
    const q = quoteIdent(col);
    if (col === "time_ms") return `epoch_ms(CAST(${q} AS BIGINT)) AS "time"`;
    if (values instanceof Float64Array) return `CASE WHEN isnan(${q}) THEN NULL ELSE ${q} END AS ${q}`;
    return q;
  });
  try {
    await c.run(
      `COPY (SELECT ${select.join(", ")} FROM ${quoteIdent(name)}) TO ${quoteString(file)} (FORMAT parquet)`,
    );
  } finally {
    await c.run(`DROP TABLE ${quoteIdent(name)}`);
  }
}

async function publish(temp: string, outRoot: string, name: string, overwrite: boolean): Promise<string> {
  const wanted = join(outRoot, name);
  if (overwrite && (await exists(wanted))) {
    const old = join(outRoot, `.${name}.old-${process.pid}-${++counter}`);
    await rename(wanted, old);
    await rename(temp, wanted);
    await rm(old, { recursive: true, force: true });
    return wanted;
  }
  for (let i = 1; ; i++) {
    const final = i === 1 ? wanted : `${wanted}-${i}`;
    if (await exists(final)) continue;
    await rename(temp, final);
    return final;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
