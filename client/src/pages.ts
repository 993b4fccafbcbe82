// Readable pages (hints, follow-ups, a revealed card, mock report, progress) as Markdown previews, so math renders.
import * as vscode from "vscode";
import type { Problem } from "./catalog";
import { forecastChart } from "./chart";
import { clock, dateTime, difficultyName, plain, verdictName } from "./format";
import { abandonedNote, mockReportMarkdown } from "./mockReport";
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
    const parts = [`# ${vscode.l10n.t("Hints: {0}", result.id)}`, ""];
    result.revealed.forEach((h: any, i: number) => parts.push(`## ${i + 1}. ${h.title}`, "", h.text, ""));
    if (result.locked) parts.push(`*${vscode.l10n.t("Not yet: {0}.", result.locked)}*`);
    else if (result.exhausted) parts.push(`*${vscode.l10n.t("That was the last hint.")}*`);
    else if (result.index < result.total) parts.push(`*${vscode.l10n.t("{0} more hint(s) available.", result.total - result.index)}*`);
    return this.show(`hints-${result.id}`, parts.join("\n"));
  }

  followups(result: any): Promise<vscode.Uri> {
    const parts = [`# ${vscode.l10n.t("Follow-up questions: {0}", result.title)}`, ""];
    for (const f of result.followups) parts.push(`## ${f.question}`, "", f.answer, "");
    parts.push(`## ${vscode.l10n.t("Reference solution")}`, "", "```python", result.solution.trimEnd(), "```");
    return this.show(`followups-${result.id}`, parts.join("\n"));
  }

  /** A revealed card: the model answer, the key points (✓: the answer seems to mention it), the note, the source. */
  card(r: RevealedCard): Promise<vscode.Uri> {
    const ticked = r.points.length ? vscode.l10n.t("{0} of {1} key points mentioned", r.mentioned, r.points.length) : vscode.l10n.t("no key points");
    const parts = [`# ${r.question}`, "", `*${r.topic} · ${ticked}*`, ""];
    if (r.points.length) {
      parts.push(`## ${vscode.l10n.t("Key points")}`, "", ...r.points.map((p) => `- ${p.mentioned ? "✓" : "○"} ${plain(p.text)}`), "");
    }
    parts.push(`> ${plain(r.note)}`, "", `## ${vscode.l10n.t("Model answer")}`, "", r.answer.trim(), "");
    parts.push(`**${vscode.l10n.t("Source:")}** ${plain(r.source)}`, "");
    if (r.problems.length) parts.push(`**${vscode.l10n.t("Related problems:")}** ${r.problems.join(", ")}`, "");
    parts.push(
      "---",
      "",
      vscode.l10n.t("Grade yourself: **Again**, **Hard**, **Good** or **Easy** (the lenses above your answer, or *ML Kata: Grade Card…*)."),
    );
    return this.show(`card-${r.id}`, parts.join("\n"));
  }

  /** The mock interview's report (again after a rating: the same page, in place). */
  mockReport(report: MockReport): Promise<vscode.Uri> {
    return this.show(`mock-${report.id}`, mockReportMarkdown(report));
  }

  progress(p: any, problems: Problem[]): Promise<vscode.Uri> {
    const title = new Map(problems.map((x) => [x.id, x.title]));
    const parts = [
      `# ${vscode.l10n.t("ML Kata progress")}`,
      "",
      vscode.l10n.t(
        "**{0} of {1} problems solved** · streak: {2} day(s) · {3} runs · {4} mock interviews",
        p.solved,
        p.total,
        p.streakDays,
        p.counts.runs ?? 0,
        p.counts.mocks ?? 0,
      ),
      "",
      ...reviewSection(p.review, new Date()),
      "",
      ...mockSection(p.mocks ?? []),
      `## ${vscode.l10n.t("By difficulty")}`,
      "",
      vscode.l10n.t("| difficulty | solved |"),
      "|---|---|",
      ...Object.entries(p.byDifficulty).map(([k, v]: [string, any]) => `| ${difficultyName(k)} | ${v.solved}/${v.total} |`),
      "",
      `## ${vscode.l10n.t("By topic")}`,
      "",
      vscode.l10n.t("| topic | solved |"),
      "|---|---|",
      ...Object.entries(p.byTopic).map(([k, v]: [string, any]) => `| ${k} | ${v.solved}/${v.total} |`),
      "",
      `## ${vscode.l10n.t("Best times")}`,
      "",
      ...(p.bestTimes.length ? p.bestTimes.map((b: any) => `- ${title.get(b.id) ?? b.id}: ${clock(b.seconds)}`) : [vscode.l10n.t("None yet.")]),
      "",
      `## ${vscode.l10n.t("Recent runs")}`,
      "",
      vscode.l10n.t("| when | problem | verdict | tests |"),
      "|---|---|---|---|",
      ...p.recentRuns.map(
        (r: any) =>
          `| ${dateTime(r.at)} | ${title.get(r.problem) ?? r.problem} | ${verdictName(r.verdict)}${r.overtime ? vscode.l10n.t(" (overtime)") : ""} | ${r.passed}/${r.total} |`,
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
    const when = dateTime(m.finishedAt);
    const rubric = m.rubric ? `${m.rubric.communication}/${m.rubric.correctness}/${m.rubric.complexity}/${m.rubric.testing}` : vscode.l10n.t("not rated");
    const answered = m.questions ? `${m.answered}/${m.questions}` : "–";
    return `| ${when} | ${m.title}${abandonedNote(m.abandoned)} | ${m.solved}/${m.codingTasks} | ${answered} | ${m.asked} | ${rubric} |`;
  });
  return [
    `## ${vscode.l10n.t("Mock interviews")}`,
    "",
    vscode.l10n.t(
      "| finished | interview | coding solved | questions answered | clarifying questions asked | self-assessment (communication/correctness/complexity/testing) |",
    ),
    "|---|---|---|---|---|---|",
    ...rows,
    "",
  ];
}

function reviewSection(r: any, today: Date): string[] {
  const heading = `## ${vscode.l10n.t("Review")}`;
  if (!r) return [heading, "", vscode.l10n.t("The review queue could not be read (see *ML Kata: Show Server Logs*).")];
  const { remembered, reviews } = r.retention;
  const retention = reviews
    ? vscode.l10n.t("{0}% ({1} of {2} reviews remembered)", Math.round((100 * remembered) / reviews), remembered, reviews)
    : vscode.l10n.t("no reviews yet");
  const weakest = r.weakest.map((w: any) => `| ${w.topic} | ${Math.round(w.recall * 100)}% | ${w.items} |`);
  return [
    heading,
    "",
    vscode.l10n.t(
      "**{0} due now**, {1} today · {2} this week · {3} concept cards · retention: {4}",
      r.dueNow,
      r.dueToday,
      r.dueThisWeek,
      r.cards,
      retention,
    ),
    "",
    "<div>",
    forecastChart(r.forecast, today),
    "</div>",
    "",
    `### ${vscode.l10n.t("Weakest topics")}`,
    "",
    ...(weakest.length
      ? [vscode.l10n.t("| topic | recall | items |"), "|---|---|---|", ...weakest]
      : [vscode.l10n.t("None yet: grade a few cards first.")]),
  ];
}
