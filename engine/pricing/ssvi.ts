/**
 * The implied-vol smile and term structure: SSVI (Gatheral & Jacquier, "Arbitrage-free SVI
 * volatility surfaces", Quantitative Finance 14 (2014), eq. 4.1) with the power-law φ (eq. 4.5)
 * and a power-law ATM term structure.
 *
 *   total variance  w(k, τ) = θ/2·(1 + ρφk + √((φk + ρ)² + 1 − ρ²)),  k = ln(K/F),  σ = √(w/τ)
 *   φ(θ) = η·θ^{−γ}·(1 + θ)^{γ−1}
 *   ATM  θ(τ) = σ_atm(τ)²·τ,  σ_atm(τ) = σ_ref·(τ/τ_ref)^β  for τ ≥ τ_min; below τ_min every strike
 *   keeps its τ_min vol
 * σ_ref is the ATM implied vol at the reference tenor τ_ref (the level an implied-vol model moves,
 * like a 30-day index). A flat smile is η = 0; a flat term structure is β = 0.
 *
 * No-arbitrage (Gatheral & Jacquier 2014): the surface is free of calendar spreads when θ(τ) is
 * non-decreasing (Thm 4.1; here: β ≥ −1/2, since θ ∝ τ^{1+2β} above τ_min, and w ∝ τ below it) and
 * 0 ≤ ∂(θφ)/∂θ ≤ (1 + √(1 − ρ²))·φ/ρ² — which the power law meets for 0 < γ ≤ 1/2 — and free of
 * butterflies when θφ(1 + |ρ|) < 4 and θφ²(1 + |ρ|) ≤ 4 for every θ (Thm 4.2), which the power
 * law meets for every θ when η(1 + |ρ|) ≤ 2 (their remark after eq. 4.5). `ssviIssues` checks these
 * sufficient conditions; `./surface-check.ts` checks any surface numerically.
 */

export interface SsviParams {
  /** Skew: correlation-like parameter in (−1, 1); negative puts the put wing above the call wing. */
  readonly rho: number;
  /** Curvature level η ≥ 0 (0: a flat smile). */
  readonly eta: number;
  /** Power γ of φ, in (0, 1/2] for a surface free of calendar arbitrage. */
  readonly gamma: number;
  /** Term-structure slope β: σ_atm(τ) = σ_ref·(τ/τ_ref)^β. */
  readonly slope: number;
  /** Reference tenor τ_ref, years (the tenor the ATM level is quoted at). */
  readonly tenor: number;
  /** Shortest tenor τ_min, years: the ATM vol is held flat below it. */
  readonly minTenor: number;
}

/** φ(θ) of the power law. */
export function ssviPhi(p: SsviParams, theta: number): number {
  // γ = ½ (the default) is η/√(θ(1 + θ)): one square root instead of two powers on the hot path.
  if (p.gamma === 0.5) return p.eta / Math.sqrt(theta * (1 + theta));
  return p.eta * Math.exp(-p.gamma * Math.log(theta) + (p.gamma - 1) * Math.log1p(theta));
}

/** ATM total variance θ(τ) for ATM reference vol `atm`. */
export function ssviTheta(p: SsviParams, atm: number, tau: number): number {
  const tt = Math.max(tau, p.minTenor);
  const vol = p.slope === 0 ? atm : atm * (tt / p.tenor) ** p.slope;
  return vol * vol * tau;
}

/** Total implied variance w(k, τ) given θ = θ(τ). */
export function ssviTotalVariance(p: SsviParams, theta: number, k: number): number {
  if (p.eta === 0) return theta;
  const phi = ssviPhi(p, theta);
  const a = phi * k + p.rho;
  return 0.5 * theta * (1 + p.rho * phi * k + Math.sqrt(a * a + 1 - p.rho * p.rho));
}

/**
 * Implied vol at log-moneyness k = ln(K/F), tenor τ > 0 (years), ATM reference vol `atm`. Below
 * τ_min the whole smile is held at its τ_min vols (w = σ(k, τ_min)²·τ, still rising in τ): the
 * power-law φ grows without bound as θ → 0, so an unbounded short end would send the wings' vols
 * to infinity in an option's last hours.
 */
export function ssviVol(p: SsviParams, atm: number, k: number, tau: number): number {
  const tt = Math.max(tau, p.minTenor);
  const theta = ssviTheta(p, atm, tt);
  return Math.sqrt(ssviTotalVariance(p, theta, k) / tt);
}

/** A flat surface: every strike and tenor at the ATM level. */
export const FLAT_SMILE: SsviParams = {
  rho: 0,
  eta: 0,
  gamma: 0.5,
  slope: 0,
  tenor: 30 / 365,
  minTenor: 1 / 365,
};

/**
 * Which of Gatheral & Jacquier's sufficient no-arbitrage conditions the parameters break (empty:
 * the surface is free of static arbitrage for every ATM level). Each entry names the parameter.
 */
export function ssviIssues(p: SsviParams): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (p.slope < -0.5)
    out.push({
      field: "slope",
      message: `term slope ${p.slope} makes ATM total variance fall with tenor (calendar arbitrage); allowed: slope ≥ −0.5`,
    });
  if (p.eta > 0 && !(p.gamma > 0 && p.gamma <= 0.5))
    out.push({
      field: "gamma",
      message: `γ ${p.gamma} breaks the calendar condition 0 ≤ ∂(θφ)/∂θ of the power law; allowed: 0 < γ ≤ 0.5`,
    });
  if (p.eta * (1 + Math.abs(p.rho)) > 2)
    out.push({
      field: "eta",
      message: `η(1 + |ρ|) = ${p.eta * (1 + Math.abs(p.rho))} > 2 admits butterfly arbitrage at some ATM level; allowed: η ≤ 2/(1 + |ρ|) = ${2 / (1 + Math.abs(p.rho))}`,
    });
  return out;
}
