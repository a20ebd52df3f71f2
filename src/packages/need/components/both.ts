import { ok, type Result } from '@core/errors';

/** Two reads sent together (one round trip): both answers, or the first failure. */
export async function both<A, B>(first: Promise<Result<A>>, second: Promise<Result<B>>): Promise<Result<[A, B]>> {
  const [a, b] = await Promise.all([first, second]);
  if (!a.ok) return a;
  if (!b.ok) return b;
  return ok([a.data, b.data]);
}
