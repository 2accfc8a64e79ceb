/**
 * The price-model registry (STYLE 4): `kind` → definition. `ballast list models` prints it; the
 * scenario reader validates `market.assets.<X>.model` against it.
 */
import { Registry } from "../../engine/registry.js";
import { bootstrapKind } from "./bootstrap.js";
import { garchKind } from "./garch.js";
import { gbmKind } from "./gbm.js";
import { hestonKind } from "./heston.js";
import { mertonKind } from "./merton.js";
import { regimeKind } from "./regime.js";
import type { ModelContext, PriceModel } from "./types.js";
import { yieldBearingKind } from "./yield-bearing.js";

export const priceModelKinds: Registry<PriceModel, ModelContext> = new Registry<PriceModel, ModelContext>(
  "price model",
  [gbmKind, mertonKind, hestonKind, garchKind, regimeKind, bootstrapKind, yieldBearingKind],
);
