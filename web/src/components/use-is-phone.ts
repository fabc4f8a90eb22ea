import { Grid } from 'antd';

/** Below antd's `md` breakpoint (768 px): the menu becomes a drawer, drawers go full width, padding shrinks. */
export function useIsPhone(): boolean {
  return Grid.useBreakpoint().md === false;
}
