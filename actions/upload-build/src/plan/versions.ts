/** Apple compares versions and build numbers by their numbers: 1.2 = 1.2.0, 042 = 42. */
export function sameVersion(a: string, b: string): boolean {
  const parts = (v: string): number[] => {
    const n = v.trim().split('.').map((p) => Number(p));
    while (n.length > 1 && n[n.length - 1] === 0) n.pop();
    return n;
  };
  const [x, y] = [parts(a), parts(b)];
  return x.length === y.length && x.every((v, i) => Number.isFinite(v) && v === y[i]);
}
