import { useEffect, useRef } from "react";
import { useNavigate } from "react-router";
import type { DashboardChartOption } from "./chart-options.ts";
import { figurePath } from "./dashboards.queries.ts";
import { echarts, type EChartsType } from "./echarts.ts";

/**
 * An ECharts chart in SVG. For assistive technology it is one image whose name summarises it
 * (role="img" makes the drawing inside presentational); the data table beside every chart is the
 * full equivalent, with the links a keyboard reaches. Clicking a drawn figure opens its page.
 */
export function Chart({
  option,
  label,
  height,
  className,
}: {
  option: DashboardChartOption;
  label: string;
  height: number;
  className?: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const navigate = useNavigate();

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, null, { renderer: "svg" });
    chart.current = instance;
    // The dashboards live in a resizable layout (navbar, window): follow the container, not the window.
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const open = (params: { data?: unknown }) => {
      const id = (params.data as { figureId?: string } | undefined)?.figureId;
      if (id) void navigate(figurePath({ id }));
    };
    instance.on("click", open);
    return () => {
      instance.off("click", open);
    };
  }, [navigate]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={container}
      role="img"
      aria-label={label}
      className={["dashboard-chart", className].filter(Boolean).join(" ")}
      style={{ height }}
    />
  );
}
