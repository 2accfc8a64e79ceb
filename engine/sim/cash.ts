/**
 * Cash that earns (`market.cashRate`): the wallet's quote balance held over a clock step grows by
 * e^{r·Δt} − 1 (continuous compounding, as the Black–Scholes money-market account B_t = e^{rt});
 * a negative balance — a hedge bought on credit — pays the same rate. The interest is posted
 * against `external:bank`, so a textbook hedge financed at the risk-free rate is stated literally.
 */
import { Reason } from "../ledger.js";
import type { Book } from "./book.js";

/** Posts one step's interest on the wallet's quote balance; `growth` = e^{r·Δt} − 1. */
export function accrueCash(b: Book, growth: number): void {
  const l = b.ledger;
  const interest = l.balance(b.wallet, b.quote) * growth;
  if (interest === 0) return;
  l.transfer(l.account("external:bank", true), b.wallet, b.quote, interest, Reason.interest);
}
