/**
 * Nelder–Mead simplex minimisation (Nelder & Mead, Computer Journal 7, 1965), with the standard
 * coefficients reflection 1, expansion 2, contraction ½, shrink ½ (Lagarias, Reeds, Wright &
 * Wright, SIAM J. Optim. 9, 1998). Derivative-free; used on smooth, low-dimensional
 * log-likelihoods in reparametrised (unconstrained) coordinates. Deterministic.
 */
export interface NelderMeadOptions {
  /** Initial simplex edge per coordinate (default 0.1 or 10 % of |x0|, whichever is larger). */
  readonly step?: readonly number[];
  readonly maxIterations?: number;
  /** Stop when the spread of f over the simplex is below this (absolute). */
  readonly fTolerance?: number;
  /** …and the simplex's largest coordinate spread is below this. */
  readonly xTolerance?: number;
}

export interface NelderMeadResult {
  readonly x: number[];
  readonly fx: number;
  readonly iterations: number;
  readonly converged: boolean;
}

type Vertex = { x: number[]; f: number };

function along(a: readonly number[], b: readonly number[], t: number): number[] {
  return a.map((ai, i) => ai + t * ((b[i] as number) - ai));
}

function initialSimplex(
  f: (x: number[]) => number,
  x0: readonly number[],
  opts: NelderMeadOptions,
): Vertex[] {
  const simplex: Vertex[] = [{ x: [...x0], f: f([...x0]) }];
  for (let i = 0; i < x0.length; i++) {
    const x = [...x0];
    x[i] = (x[i] as number) + (opts.step?.[i] ?? Math.max(0.1, 0.1 * Math.abs(x0[i] as number)));
    simplex.push({ x, f: f(x) });
  }
  return simplex;
}

function spread(simplex: readonly Vertex[]): { f: number; x: number } {
  const best = simplex[0] as Vertex;
  let fs = 0;
  let xs = 0;
  for (const v of simplex) {
    fs = Math.max(fs, Math.abs(v.f - best.f));
    for (let i = 0; i < v.x.length; i++)
      xs = Math.max(xs, Math.abs((v.x[i] as number) - (best.x[i] as number)));
  }
  return { f: fs, x: xs };
}

/** One Nelder–Mead iteration on a simplex sorted by f (best first); replaces the worst or shrinks. */
function step(f: (x: number[]) => number, s: Vertex[]): void {
  const n = s.length - 1;
  const worst = s[n] as Vertex;
  const centroid = (s[0] as Vertex).x.map(
    (_, i) => s.slice(0, n).reduce((a, v) => a + (v.x[i] as number), 0) / n,
  );
  const xr = along(centroid, worst.x, -1);
  const fr = f(xr);
  if (fr < (s[0] as Vertex).f) {
    const xe = along(centroid, worst.x, -2);
    const fe = f(xe);
    s[n] = fe < fr ? { x: xe, f: fe } : { x: xr, f: fr };
    return;
  }
  if (fr < (s[n - 1] as Vertex).f) {
    s[n] = { x: xr, f: fr };
    return;
  }
  const outside = fr < worst.f;
  const xc = outside ? along(centroid, xr, 0.5) : along(centroid, worst.x, 0.5);
  const fc = f(xc);
  if (fc < (outside ? fr : worst.f)) {
    s[n] = { x: xc, f: fc };
    return;
  }
  const best = (s[0] as Vertex).x;
  for (let k = 1; k <= n; k++) {
    const x = along(best, (s[k] as Vertex).x, 0.5);
    s[k] = { x, f: f(x) };
  }
}

/**
 * Minimises `f` from `x0`. Non-finite values of f are treated as +∞ (so a penalty or an invalid
 * region just repels the simplex).
 */
export function nelderMead(
  f: (x: number[]) => number,
  x0: readonly number[],
  opts: NelderMeadOptions = {},
): NelderMeadResult {
  const safe = (x: number[]) => {
    const y = f(x);
    return Number.isFinite(y) ? y : Number.POSITIVE_INFINITY;
  };
  const maxIterations = opts.maxIterations ?? 200 * x0.length;
  const simplex = initialSimplex(safe, x0, opts);
  let it = 0;
  for (; it < maxIterations; it++) {
    simplex.sort((a, b) => a.f - b.f);
    const sp = spread(simplex);
    if (sp.f <= (opts.fTolerance ?? 1e-9) && sp.x <= (opts.xTolerance ?? 1e-7)) break;
    step(safe, simplex);
  }
  simplex.sort((a, b) => a.f - b.f);
  const best = simplex[0] as Vertex;
  return { x: best.x, fx: best.f, iterations: it, converged: it < maxIterations };
}
