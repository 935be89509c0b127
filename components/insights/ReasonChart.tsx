import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Title, Tooltip } from 'chart.js';
import type { Insights } from '@/lib/insights/aggregate';
import { REASON_COLOR, REASON_NAME } from './colors';

// Only the pieces a stacked bar chart uses, so the page does not carry all of chart.js.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Title, Tooltip);

const textColor = () => getComputedStyle(document.documentElement).getPropertyValue('--fg').trim() || '#1f2328';

/** Escalations per day or week, stacked by reason, and the same numbers as a table below it. */
export function ReasonChart({ insights, bucket }: { insights: Insights; bucket: 'day' | 'week' }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const title = `Escalations by reason, per ${bucket}`;
  useEffect(() => {
    if (!canvas.current) return;
    const color = textColor();
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: bucket === 'week' ? insights.buckets.map((b) => `week of ${b}`) : insights.buckets,
        datasets: insights.byReason.map((r) => ({
          label: REASON_NAME(r.reason),
          data: r.counts,
          backgroundColor: REASON_COLOR(r.reason),
          borderColor: '#ffffff',
          borderWidth: 1,
          maxBarThickness: 56,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          title: { display: true, text: title, color, font: { size: 16, weight: 'bold' } },
          legend: { position: 'bottom', labels: { color, boxWidth: 14 } },
          tooltip: { mode: 'index', intersect: false },
        },
        scales: {
          x: { stacked: true, ticks: { color }, grid: { display: false } },
          y: { stacked: true, beginAtZero: true, ticks: { color, precision: 0 }, title: { display: true, text: 'escalations', color } },
        },
      },
    });
    return () => chart.destroy();
  }, [insights, bucket, title]);

  const totals = insights.buckets.map((_, i) => insights.byReason.reduce((n, r) => n + r.counts[i], 0));
  const summary = insights.byReason.map((r) => `${REASON_NAME(r.reason)}: ${r.counts.reduce((a, b) => a + b, 0)}`).join('; ');
  return (
    <section className="ins-card" aria-labelledby="ins-chart-title">
      <h2 id="ins-chart-title">Why conversations were escalated</h2>
      <div className="ins-chart">
        <canvas ref={canvas} role="img" aria-label={`${title}. ${summary}. The table below has every number.`} data-testid="reason-chart" />
      </div>
      <details className="ins-table-wrap">
        <summary>The chart as a table</summary>
        <table className="ins-table" data-testid="reason-table">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{bucket === 'week' ? 'Week of' : 'Day'}</th>
              {insights.byReason.map((r) => (
                <th scope="col" key={r.reason}>
                  <span className="swatch" style={{ background: REASON_COLOR(r.reason) }} aria-hidden="true" />
                  {REASON_NAME(r.reason)}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {insights.buckets.map((b, i) => (
              <tr key={b}>
                <th scope="row">{b}</th>
                {insights.byReason.map((r) => (
                  <td key={r.reason}>{r.counts[i]}</td>
                ))}
                <td>{totals[i]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
