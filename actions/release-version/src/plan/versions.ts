/** Version strings as App Store Connect compares them: `1.4` and `1.4.0` are the same version. */
const parts = (v: string): number[] => {
  const p = v.split('.').map(Number);
  while (p.length < 3) p.push(0);
  return p;
};

export function sameVersion(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const x = parts(a);
  const y = parts(b);
  return x.every((n, i) => n === y[i]);
}
