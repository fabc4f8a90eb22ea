/** A `data-testid` for props typed without one (a modal's ok button). */
export function testId(id: string): Record<`data-${string}`, string> {
  return { 'data-testid': id };
}
