import { unprocessable } from '../../../platform/errors.ts';

/**
 * Low-level code of every product in the BOM graph: the deepest level it appears at (finished goods 0,
 * their components 1, …). Netting level by level in this order means a product is netted exactly once,
 * after every parent that may add dependent demand to it. A product outside every BOM has code 0.
 * `children` maps a parent product to its component products. A cycle is a 422 naming the products on it.
 */
export function lowLevelCodes(children: Map<string, Iterable<string>>): Map<string, number> {
  const indegree = new Map<string, number>();
  for (const [parent, kids] of children) {
    if (!indegree.has(parent)) indegree.set(parent, 0);
    for (const kid of kids) indegree.set(kid, (indegree.get(kid) ?? 0) + 1);
  }
  // Kahn's topological order: a product is placed once all its parents are, so its code is final then.
  const code = new Map<string, number>();
  const queue: string[] = [];
  for (const [product, n] of indegree)
    if (n === 0) {
      queue.push(product);
      code.set(product, 0);
    }
  for (let head = 0; head < queue.length; head++) {
    const parent = queue[head];
    const level = code.get(parent)! + 1;
    for (const kid of children.get(parent) ?? []) {
      if ((code.get(kid) ?? -1) < level) code.set(kid, level);
      const left = indegree.get(kid)! - 1;
      indegree.set(kid, left);
      if (left === 0) queue.push(kid);
    }
  }
  if (queue.length < indegree.size) {
    const onCycle = [...indegree].filter(([, n]) => n > 0).map(([p]) => p);
    throw unprocessable('manufacturing.bom_cycle', 'The bills of materials contain a cycle', {
      productIds: onCycle.slice(0, 20),
    });
  }
  return code;
}
