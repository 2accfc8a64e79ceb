/**
 * `npm run docs:columns`: rewrites the README's columns block from the column definitions
 * (reports/schema.ts), so the documentation of every table has one source.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withSchemaBlock } from "../reports/schema.js";
import { PACKAGE_ROOT } from "./paths.js";

const file = join(PACKAGE_ROOT, "README.md");
writeFileSync(file, withSchemaBlock(readFileSync(file, "utf8")));
