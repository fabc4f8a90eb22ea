// ECharts (the charting library DESIGN.md names) in a React component: only the chart types and
// parts the app uses are registered, so the bundle carries no more of ECharts than that.
import { BarChart, LineChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { type EChartsCoreOption, type EChartsType, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

use([
  LineChart,
  BarChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

/** A chart that follows its container's width; `option` replaces the previous one whole. */
export function EChart({
  option,
  height = 280,
  style,
  testId,
}: {
  option: EChartsCoreOption;
  height?: number;
  style?: CSSProperties;
  testId?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    if (!host.current) return;
    const instance = init(host.current);
    chart.current = instance;
    // The container changes width with the window, the side menu folding and phone rotation.
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(host.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={host} style={{ width: '100%', height, ...style }} data-testid={testId} />;
}
