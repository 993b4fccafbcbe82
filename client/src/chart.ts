// The review forecast as a small inline SVG bar chart: no external resource, so the Markdown
// preview's content security policy has nothing to allow.
import * as vscode from "vscode";

const BAR = 34;
const GAP = 14;
const TOP = 18; // room for the counts above the bars
const HEIGHT = 90;
const BOTTOM = 22; // room for the day labels

/** The forecast's day labels: Today, then each next day's weekday abbreviation (in VS Code's display language). */
export function dayLabels(days: number, today: Date): string[] {
  return Array.from({ length: days }, (_, i) =>
    i === 0
      ? vscode.l10n.t("Today")
      : new Date(today.getFullYear(), today.getMonth(), today.getDate() + i).toLocaleDateString(vscode.env.language, { weekday: "short" }),
  );
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * One bar per day (today first), the count above it and the day below, in the text's colour.
 * Its lines have no blank line between them, so Markdown keeps them one HTML block.
 */
export function forecastChart(counts: number[], today: Date): string {
  const max = Math.max(1, ...counts);
  const labels = dayLabels(counts.length, today);
  const width = counts.length * (BAR + GAP) + GAP;
  const height = TOP + HEIGHT + BOTTOM;
  const total = counts.reduce((a, b) => a + b, 0);
  const bars = counts.flatMap((n, i) => {
    const h = Math.max(1, Math.round((n / max) * HEIGHT));
    const x = GAP + i * (BAR + GAP);
    const y = TOP + HEIGHT - h;
    const mid = x + BAR / 2;
    return [
      `<rect x="${x}" y="${y}" width="${BAR}" height="${h}" rx="3" fill="currentColor" fill-opacity="${i === 0 ? 0.8 : 0.4}"/>`,
      `<text x="${mid}" y="${y - 5}" text-anchor="middle" font-size="11" fill="currentColor">${n}</text>`,
      `<text x="${mid}" y="${TOP + HEIGHT + 15}" text-anchor="middle" font-size="11" fill="currentColor">${escapeXml(labels[i])}</text>`,
    ];
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`,
    `<title>${escapeXml(vscode.l10n.t("Reviews due on each of the next {0} days: {1} in all", counts.length, total))}</title>`,
    ...bars,
    "</svg>",
  ].join("\n");
}
