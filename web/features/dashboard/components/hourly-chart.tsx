import '@/features/dashboard/components/dashboard.css';
import type { HourScans } from '@common/contracts/stats';
import { formatNumber } from '@/lib/format';

const WIDTH = 720;
const HEIGHT = 220;
const TOP = 16;
const BOTTOM = 28;
const LEFT = 8;
const SLOT = (WIDTH - LEFT) / 24;
const BAR = SLOT * 0.72;

/** A round axis maximum: 1, 2, 5 × 10ⁿ at or above `value`. */
export function niceMax(value: number): number {
  if (value <= 5) {
    return 5;
  }
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((f) => f * power >= value) ?? 10;
  return step * power;
}

/** The current hour ("14:00") in the stats' time zone. */
export function currentHour(timeZone: string, now = new Date()): string {
  try {
    const hour = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      hourCycle: 'h23',
      timeZone,
    }).format(now);
    return `${hour.padStart(2, '0')}:00`;
  } catch {
    return `${String(now.getHours()).padStart(2, '0')}:00`;
  }
}

/** The same numbers as a table, for screen readers and for reading exact values. */
function HourlyTable({ perHour }: { perHour: readonly HourScans[] }) {
  return (
    <details className="hourly-chart__table">
      <summary>Show as a table</summary>
      <table>
        <caption className="visually-hidden">Scans per hour today</caption>
        <thead>
          <tr>
            <th scope="col">Hour</th>
            <th scope="col">Scans</th>
          </tr>
        </thead>
        <tbody>
          {perHour.map((hour) => (
            <tr key={hour.hour}>
              <th scope="row">{hour.hour}</th>
              <td>{formatNumber(hour.scans)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export interface HourlyChartProps {
  perHour: readonly HourScans[];
  timeZone: string;
}

/**
 * Today's scans per hour as an SVG bar chart (no charting library needed), described for screen
 * readers and backed by a data table.
 */
export function HourlyChart({ perHour, timeZone }: HourlyChartProps) {
  const total = perHour.reduce((sum, hour) => sum + hour.scans, 0);
  const peak = perHour.reduce<HourScans | null>(
    (best, hour) => (!best || hour.scans > best.scans ? hour : best),
    null,
  );
  const max = niceMax(peak?.scans ?? 0);
  const now = currentHour(timeZone);
  const plot = HEIGHT - TOP - BOTTOM;
  const summary =
    total === 0
      ? 'No scans yet today.'
      : `${formatNumber(total)} scans today; busiest hour ${peak?.hour ?? ''} with ${formatNumber(peak?.scans ?? 0)}.`;
  return (
    <figure className="hourly-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Scans per hour today. ${summary}`}
        className="hourly-chart__svg"
      >
        <line x1={LEFT} x2={WIDTH} y1={TOP + plot} y2={TOP + plot} className="hourly-chart__axis" />
        <line x1={LEFT} x2={WIDTH} y1={TOP} y2={TOP} className="hourly-chart__grid" />
        <text x={WIDTH - 4} y={TOP - 4} textAnchor="end" className="hourly-chart__label">
          {formatNumber(max)}
        </text>
        {perHour.map((hour, index) => {
          const height = max === 0 ? 0 : (hour.scans / max) * plot;
          const x = LEFT + index * SLOT + (SLOT - BAR) / 2;
          return (
            <g key={hour.hour}>
              <rect
                x={x}
                y={TOP + plot - height}
                width={BAR}
                height={Math.max(height, hour.scans > 0 ? 2 : 0)}
                rx={3}
                className={`hourly-chart__bar${hour.hour === now ? ' hourly-chart__bar--now' : ''}`}
              >
                <title>{`${hour.hour}: ${formatNumber(hour.scans)} scans`}</title>
              </rect>
              {index % 3 === 0 ? (
                <text
                  x={x + BAR / 2}
                  y={HEIGHT - 8}
                  textAnchor="middle"
                  className="hourly-chart__label"
                >
                  {hour.hour.slice(0, 2)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">
        {summary} Hours in {timeZone}; the current hour is highlighted.
      </figcaption>
      <HourlyTable perHour={perHour} />
    </figure>
  );
}
