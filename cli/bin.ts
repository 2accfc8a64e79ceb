#!/usr/bin/env node
/** Entry point of the `ballast` executable. */
import { main } from "./main.js";

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
