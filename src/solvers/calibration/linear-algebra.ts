// Small dense and matrix-free solvers for the calibration's symmetric positive definite systems.

/** In-place Cholesky factor (lower triangle) of a dense SPD matrix stored row-major. */
export function cholesky(a: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= a[j * n + k]! * a[j * n + k]!;
    if (!(d > 0)) throw new Error('matrix not positive definite');
    const root = Math.sqrt(d);
    a[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= a[i * n + k]! * a[j * n + k]!;
      a[i * n + j] = s / root;
    }
  }
}

/** Solves L Lᵀ x = b in place of b with a factor from `cholesky`. */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
}

/** Preconditioned conjugate gradient for A x = b (A given as a product), Jacobi preconditioner. */
export function conjugateGradient(
  multiply: (x: Float64Array, out: Float64Array) => void,
  diagonal: Float64Array,
  b: Float64Array,
  tolerance = 1e-12,
  maxIterations = 10_000,
): Float64Array {
  const n = b.length;
  const x = new Float64Array(n);
  const r = b.slice();
  const z = Float64Array.from(r, (v, i) => v / diagonal[i]!);
  const p = z.slice();
  const q = new Float64Array(n);
  const dot = (u: Float64Array, v: Float64Array) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += u[i]! * v[i]!;
    return s;
  };
  const norm0 = Math.sqrt(dot(b, b)) || 1;
  let rz = dot(r, z);
  for (let iteration = 0; iteration < maxIterations && Math.sqrt(dot(r, r)) > tolerance * norm0; iteration++) {
    multiply(p, q);
    const alpha = rz / dot(p, q);
    for (let i = 0; i < n; i++) {
      x[i]! += alpha * p[i]!;
      r[i]! -= alpha * q[i]!;
      z[i] = r[i]! / diagonal[i]!;
    }
    const next = dot(r, z);
    const beta = next / rz;
    rz = next;
    for (let i = 0; i < n; i++) p[i] = z[i]! + beta * p[i]!;
  }
  return x;
}
