// Readable pages (hints, follow-ups, a revealed card, mock report, progress) as Markdown previews, so math renders.
import * as vscode from "vscode";
import type { Problem } from "./catalog";
import { forecastChart } from "./chart";
import { clock, plain } from "./format";
import { mockReportMarkdown } from "./mockReport";
import type { MockReport, RevealedCard } from "./serverApi";

export class Pages {
  constructor(private readonly context: vscode.ExtensionContext) {}

  /**
   * Show a Markdown file rendered beside the editor, in place of an earlier preview of it (a preview
   * to the side is always a new one). Locked: an unlocked preview follows the active Markdown
   * editor, so a review answer file would take the page's place.
   */
  async showFile(uri: vscode.Uri): Promise<void> {
    const name = ` ${uri.path.split("/").pop()}`;
    const earlier = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith("markdown.preview") && t.label.endsWith(name));
    await vscode.commands.executeCommand("markdown.showLockedPreviewToSide", uri);
    // Closed after: closing first could empty the group beside, the layout jumping twice.
    if (earlier.length) await vscode.window.tabGroups.close(earlier, true);
  }

  /** A problem's statement (what the server's showStatement returns), rendered beside the editor. */
  async statement(result: { path: string } | null | undefined): Promise<void> {
    if (result) await this.showFile(vscode.Uri.file(result.path));
  }

  /** Write a page under the extension's storage and show it rendered. */
  async show(name: string, markdown: string): Promise<vscode.Uri> {
    const folder = vscode.Uri.joinPath(this.context.globalStorageUri, "pages");
    await vscode.workspace.fs.createDirectory(folder);
    const uri = vscode.Uri.joinPath(folder, `${name}.md`);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(markdown, "utf8"));
    await this.showFile(uri);
    return uri;
  }

  hints(result: any): Promise<vscode.Uri> {
    const parts = [`# Hints: ${result.id}`, ""];
    result.revealed.forEach((h: any, i: number) => parts.push(`## ${i + 1}. ${h.title}`, "", h.text, ""));
    if (result.locked) parts.push(`*Not yet: ${result.locked}.*`);
    else if (result.exhausted) parts.push("*That was the last hint.*");
    else if (result.index < result.total) parts.push(`*${result.total - result.index} more hint(s) available.*`);
    return this.show(`hints-${result.id}`, parts.join("\n"));
  }

  followups(result: any): Promise<vscode.Uri> {
    const parts = [`# Follow-up questions: ${result.title}`, ""];
    for (const f of result.followups) parts.push(`## ${f.question}`, "", f.answer, "");
    parts.push("## Reference solution", "", "```python", result.solution.trimEnd(), "```");
    return this.show(`followups-${result.id}`, parts.join("\n"));
  }

  /** A revealed card: the model answer, the key points (✓: the answer seems to mention it), the note, the source. */
  card(r: RevealedCard): Promise<vscode.Uri> {
    const ticked = r.points.length ? `${r.mentioned} of ${r.points.length} key points mentioned` : "no key points";
    const parts = [`# ${r.question}`, "", `*${r.topic} · ${ticked}*`, ""];
    if (r.points.length) {
      parts.push("## Key points", "", ...r.points.map((p) => `- ${p.mentioned ? "✓" : "○"} ${plain(p.text)}`), "");
    }
    parts.push(`> ${plain(r.note)}`, "", "## Model answer", "", r.answer.trim(), "", `**Source:** ${plain(r.source)}`, "");
    if (r.problems.length) parts.push(`**Related problems:** ${r.problems.join(", ")}`, "");
    parts.push("---", "", "Grade yourself: **Again**, **Hard**, **Good** or **Easy** (the lenses above your answer, or *ML Kata: Grade Card…*).");
    return this.show(`card-${r.id}`, parts.join("\n"));
  }

  /** The mock interview's report (again after a rating: the same page, in place). */
  mockReport(report: MockReport): Promise<vscode.Uri> {
    return this.show(`mock-${report.id}`, mockReportMarkdown(report));
  }

  progress(p: any, problems: Problem[]): Promise<vscode.Uri> {
    const title = new Map(problems.map((x) => [x.id, x.title]));
    const parts = [
      "# ML Kata progress",
      "",
      `**${p.solved} of ${p.total} problems solved** · streak: ${p.streakDays} day(s) · ${p.counts.runs ?? 0} runs · ${p.counts.mocks ?? 0} mock interviews`,
      "",
      ...reviewSection(p.review, new Date()),
      "",
      ...mockSection(p.mocks ?? []),
      "## By difficulty",
      "",
      "| difficulty | solved |",
      "|---|---|",
      ...Object.entries(p.byDifficulty).map(([k, v]: [string, any]) => `| ${k} | ${v.solved}/${v.total} |`),
      "",
      "## By topic",
      "",
      "| topic | solved |",
      "|---|---|",
      ...Object.entries(p.byTopic).map(([k, v]: [string, any]) => `| ${k} | ${v.solved}/${v.total} |`),
      "",
      "## Best times",
      "",
      ...(p.bestTimes.length ? p.bestTimes.map((b: any) => `- ${title.get(b.id) ?? b.id}: ${clock(b.seconds)}`) : ["None yet."]),
      "",
      "## Recent runs",
      "",
      "| when | problem | verdict | tests |",
      "|---|---|---|---|",
      ...p.recentRuns.map(
        (r: any) =>
          `| ${new Date(r.at * 1000).toLocaleString()} | ${title.get(r.problem) ?? r.problem} | ${r.verdict}${r.overtime ? " (overtime)" : ""} | ${r.passed}/${r.total} |`,
      ),
    ];
    return this.show("progress", parts.join("\n"));
  }
}

/** The progress page's review queue: what is due, the retention, a 7-day forecast, the weakest topics. */
/** The finished mock interviews, newest first: how each went, and the self-assessment. */
function mockSection(mocks: any[]): string[] {
  if (!mocks.length) return [];
  const rows = mocks.map((m) => {
    const when = new Date(m.finishedAt * 1000).toLocaleString();
    const rubric = m.rubric ? `${m.rubric.communication}/${m.rubric.correctness}/${m.rubric.complexity}/${m.rubric.testing}` : "not rated";
    const answered = m.questions ? `${m.answered}/${m.questions}` : "–";
    return `| ${when} | ${m.title}${m.abandoned ? " (abandoned)" : ""} | ${m.solved}/${m.codingTasks} | ${answered} | ${m.asked} | ${rubric} |`;
  });
  return [
    "## Mock interviews",
    "",
    "| finished | interview | coding solved | questions answered | clarifying questions asked | self-assessment (communication/correctness/complexity/testing) |",
    "|---|---|---|---|---|---|",
    ...rows,
    "",
  ];
}

function reviewSection(r: any, today: Date): string[] {
  if (!r) return ["## Review", "", "The review queue could not be read (see *ML Kata: Show Server Logs*)."];
  const { remembered, reviews } = r.retention;
  const retention = reviews ? `${Math.round((100 * remembered) / reviews)}% (${remembered} of ${reviews} reviews remembered)` : "no reviews yet";
  const weakest = r.weakest.map((w: any) => `| ${w.topic} | ${Math.round(w.recall * 100)}% | ${w.items} |`);
  return [
    "## Review",
    "",
    `**${r.dueNow} due now**, ${r.dueToday} today · ${r.dueThisWeek} this week · ${r.cards} concept cards · retention: ${retention}`,
    "",
    "<div>",
    forecastChart(r.forecast, today),
    "</div>",
    "",
    "### Weakest topics",
    "",
    ...(weakest.length ? ["| topic | recall | items |", "|---|---|---|", ...weakest] : ["None yet: grade a few cards first."]),
  ];
}
