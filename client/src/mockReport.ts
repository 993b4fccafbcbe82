// The mock interview's report page (Markdown): every phase in a table, then per round what was asked,
// answered and coded, and the candidate's own rating.
import { clock, phaseName, plain } from "./format";
import type { MockPhaseReport, MockReport, Rubric, SpokenAnswer } from "./serverApi";

/** The rubric's parts, in the order they are asked and shown. */
export const RUBRIC: readonly (keyof Rubric)[] = ["communication", "correctness", "complexity", "testing"];

export function mockReportMarkdown(report: MockReport): string {
  const coding = report.rounds.filter((r) => r.kind === "coding");
  const numbers = [...new Set(report.rounds.map((r) => r.interviewRound))];
  const parts = [
    `# Mock interview report: ${report.title}`,
    "",
    `${report.solved} of ${coding.length} coding task${coding.length === 1 ? "" : "s"} solved${report.abandoned ? " (abandoned)" : ""}.`,
    "",
    ...summaryTable(report.rounds),
    "",
  ];
  for (const n of numbers) {
    parts.push(`## Round ${n}`, "");
    for (const phase of report.rounds.filter((r) => r.interviewRound === n)) {
      parts.push(...(phase.kind === "coding" ? codingSection(phase) : spokenSection(phase)));
    }
  }
  parts.push(...rubricSection(report.rubric));
  return parts.join("\n");
}

/** One row per phase. */
function summaryTable(phases: MockPhaseReport[]): string[] {
  const rows = phases.map((r) => {
    const used = `${clock(r.secondsUsed)} of ${clock(r.allowedSeconds)}`;
    if (r.kind !== "coding") {
      const n = r.questions.length;
      const answered = r.answers.filter((a) => a.answer).length;
      const points = r.answers.reduce((sum, a) => sum + a.points.length, 0);
      const mentioned = r.answers.reduce((sum, a) => sum + a.mentioned, 0);
      const result = `${answered}/${n} answered${points ? `, ${mentioned}/${points} key points` : ""}`;
      return `| ${r.interviewRound} | ${phaseName(r.kind)} | ${n} question${n === 1 ? "" : "s"} | ${result} | ${used} | – | – | – |`;
    }
    const result = `${verdict(r.verdict)}, ${r.passed}/${r.total} tests`;
    return `| ${r.interviewRound} | coding | ${r.title} | ${result} | ${used} | ${r.runs} | ${r.overtimeRuns} | ${r.hints} |`;
  });
  return ["| round | phase | task | result | time used | runs | overtime runs | hints |", "|---|---|---|---|---|---|---|---|", ...rows];
}

/** A questions or follow-ups phase: each question, the answer given, its key points, the model answer. */
function spokenSection(phase: MockPhaseReport): string[] {
  const prefix = phase.kind === "followups" ? "F" : "Q";
  const parts = [`### ${phase.kind === "followups" ? phase.title : "Questions"}`, ""];
  const answers: SpokenAnswer[] = phase.answers.length
    ? phase.answers
    : phase.questions.map((q) => ({ question: q.question, card: q.card, answer: "", points: [], mentioned: 0, model: null }));
  if (!phase.answers.length) parts.push(`*${phase.closedBy === "abandoned" ? "Not reached: the interview was abandoned." : "No answers recorded."}*`, "");
  answers.forEach((a, i) => {
    parts.push(`#### ${prefix}${i + 1}. ${plain(a.question)}`, "");
    parts.push(...(a.answer ? a.answer.split("\n").map((line) => `> ${line}`) : ["*No answer.*"]), "");
    if (a.points.length) {
      parts.push(
        `**Key points:** ${a.mentioned} of ${a.points.length} mentioned`,
        "",
        ...a.points.map((p) => `- ${p.mentioned ? "✓" : "○"} ${plain(p.text)}`),
        "",
        "*✓: the answer seems to mention it. A keyword match: a hint, not a grade.*",
        "",
      );
    }
    if (a.model) parts.push("<details><summary>Model answer</summary>", "", a.model.trim(), "", "</details>", "");
  });
  return parts;
}

/** A coding phase: the verdict, the clarifying questions asked, the follow-ups to think about. */
function codingSection(phase: MockPhaseReport): string[] {
  const parts = [
    `### Coding: ${phase.title}`,
    "",
    `**${verdict(phase.verdict)}**, ${phase.passed}/${phase.total} tests, ${clock(phase.secondsUsed)} of ${clock(phase.allowedSeconds)}.`,
    "",
    "**Clarifying questions asked:**",
    "",
  ];
  if (phase.asked.length) {
    for (const q of phase.asked) parts.push(`- ${plain(q.question)}  `, `  *Interviewer:* ${plain(q.answer)}`);
  } else {
    parts.push("None. (*ML Kata: Ask the Interviewer…* during a coding phase: asking is part of the round.)");
  }
  parts.push("");
  if (phase.followups.length) parts.push("**Follow-up questions to answer:**", "", ...phase.followups.map((q) => `- ${plain(q)}`), "");
  return parts;
}

function rubricSection(rubric: Rubric | null): string[] {
  if (!rubric) return ["## Your rating", "", "Not rated yet: run *ML Kata: Rate Your Interview…* to score communication, correctness, complexity and testing (1-5)."];
  const total = RUBRIC.reduce((sum, key) => sum + rubric[key], 0);
  return [
    "## Your rating",
    "",
    `| ${RUBRIC.join(" | ")} | total |`,
    `|${"---|".repeat(RUBRIC.length + 1)}`,
    `| ${RUBRIC.map((key) => `${rubric[key]}/5`).join(" | ")} | ${total}/${5 * RUBRIC.length} |`,
  ];
}

function verdict(v: string): string {
  return v.replace(/_/g, " ");
}
