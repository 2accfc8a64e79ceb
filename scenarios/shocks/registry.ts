/** The shock registry (STYLE 4): `kind` → definition, for `market.shocks` and `ballast list shocks`. */
import { Registry } from "../../engine/registry.js";
import { crashKind } from "./crash.js";
import { depegKind } from "./depeg.js";
import { fundingSpikeKind } from "./funding-spike.js";
import type { Shock } from "./types.js";
import { volSpikeKind } from "./vol-spike.js";

export const shockKinds: Registry<Shock> = new Registry<Shock>("shock", [
  crashKind,
  depegKind,
  volSpikeKind,
  fundingSpikeKind,
]);
