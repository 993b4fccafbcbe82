// The user's paths through the extension, in a real VS Code: review a card, open, save wrong, fix, mock interview.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vscode from "vscode";
import { golden, mlkataDiagnostics, replaceAndSave, save, startedApp, until } from "../helpers";
import { screenshot } from "../shot";

/** The interview the phased test runs, for when the bundled bank has none of that id. */
const PHASED_TOML = `[[interview]]
id = "phased-demo"
title = "Phased demo"
models = "One round in three phases: concept questions, a coding task, follow-ups on the code."

[[interview.round]]
questions = ["attn-sqrt-dk-scaling", "clip-temperature"]
question_minutes = 20
problem = "longest-common-subsequence"
followups = ["How would you score caption overlap with LCS?"]
followup_minutes = 10
`;

/** Answers typed into the answer file, by question number (spoken phases). */
const ANSWERS = [
  "q·k has variance d_k, so large logits saturate the softmax (nearly one-hot) and the gradients vanish; dividing by sqrt(d_k) restores unit variance.",
  "The temperature is a learned scalar, log-parametrised, initialised to 0.07 and clipped at a scale of 100 for stability.",
  "LCS length over the two token sequences, divided by the reference length: the recall side of ROUGE-L.",
];

/** Where the bank gets `phased-demo` from: the bundled interviews, else a problems folder of its own (returned). */
async function phasedInterview(): Promise<string | undefined> {
  const listing: any = await vscode.commands.executeCommand("mlkata.listProblems");
  if (listing.interviews.some((i: any) => i.id === "phased-demo")) return undefined;
  const base = process.env.MLKATA_E2E_WORKSPACE ? path.dirname(process.env.MLKATA_E2E_WORKSPACE) : fs.mkdtempSync(path.join(os.tmpdir(), "mlkata-"));
  const folder = path.join(base, "phased-problems");
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, "interviews.toml"), PHASED_TOML);
  await vscode.workspace.getConfiguration("mlkata").update("problemsFolders", [folder], vscode.ConfigurationTarget.Global);
  await until("the interview from the extra problems folder", async () => {
    const again: any = await vscode.commands.executeCommand("mlkata.listProblems");
    return again.interviews.some((i: any) => i.id === "phased-demo");
  }, 30000);
  return folder;
}

/** Type an answer under each of the phase's sections (`## Q1.` / `## F1.` ...) of the round's answer file, and save. */
async function answerPhase(status: any): Promise<vscode.TextDocument> {
  const prefix = status.phase === "followups" ? "F" : "Q";
  const editor = await until("the answer file in the editor", () =>
    vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === status.path && e.document.getText().includes(`## ${prefix}1.`)),
  10000);
  const doc = editor.document;
  for (let n = status.questions.length; n >= 1; n--) {
    const line = doc.getText().split("\n").findIndex((l) => l.startsWith(`## ${prefix}${n}.`));
    assert.ok(line >= 0, `section ${prefix}${n} in ${doc.getText()}`);
    const answer = prefix === "F" ? ANSWERS[2] : ANSWERS[(n - 1) % 2];
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(line + 1, 0), `${answer}\n`)));
  }
  await save(doc);
  return doc;
}

/** Start `phased-demo`: realism applied, the questions answered in the round's answer file (returned). */
async function questionsPhase(app: any): Promise<string> {
  const status: any = await vscode.commands.executeCommand("mlkata.mockStart", "phased-demo", 0.5);
  assert.ok(status?.active, "the interview started");
  assert.deepStrictEqual([status.phase, status.interviewRound, status.interviewRounds], ["questions", 1, 1]);
  assert.match(status.path, /round-1-answers\.md$/);
  // Written in order: the third key set, the two before it are too.
  await until("realism applied", () => workspaceValue("editor.suggestOnTriggerCharacters") === false, 10000);
  assert.strictEqual(workspaceValue("editor.inlineSuggest.enabled"), false);
  assert.deepStrictEqual(workspaceValue("editor.quickSuggestions"), { other: "off", comments: "off", strings: "off" });
  await until("the status-bar clock", () => app.mock.item.text.includes("round 1/1 · questions ·"), 10000);
  await answerPhase(status);
  await screenshot("mock-phase-questions");
  return status.path;
}

/** Submit: the coding phase; ask the interviewer, solve it. */
async function codingPhase(app: any): Promise<void> {
  const coding: any = await vscode.commands.executeCommand("mlkata.mockSubmit");
  assert.strictEqual(coding?.status.phase, "coding");
  await until("the coding phase's clock", () => app.mock.item.text.includes("round 1/1 · coding ·"), 10000);
  const solution = await until("the solution file", () =>
    vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === coding.status.path),
  10000);
  const answer: any = await vscode.commands.executeCommand("mlkata.ask", 1);
  assert.ok(answer?.answer.length > 0, `the interviewer's answer: ${JSON.stringify(answer)}`);
  await replaceAndSave(solution.document, golden("longest-common-subsequence", "rolling_row"));
  await until("the solution to pass", () => app.tests.reports.get(solution.document.uri.toString())?.passed > 0);
  await vscode.window.showTextDocument(solution.document, vscode.ViewColumn.One);
  await screenshot("mock-phase-coding");
}

/** Submit: the follow-ups phase, answered in the same file. */
async function followupsPhase(app: any, answers: string): Promise<void> {
  const followups: any = await vscode.commands.executeCommand("mlkata.mockSubmit");
  assert.strictEqual(followups?.status.phase, "followups");
  assert.strictEqual(followups.status.path, answers, "the follow-ups go in the round's answer file");
  await until("the follow-ups phase's clock", () => app.mock.item.text.includes("round 1/1 · follow-ups ·"), 10000);
  await answerPhase(followups.status);
  await screenshot("mock-phase-followups");
}

/** Submit: the report, with what was answered and asked; rated, it is shown again in place. */
async function finishAndRate(app: any): Promise<any> {
  const finished: any = await vscode.commands.executeCommand("mlkata.mockSubmit");
  assert.strictEqual(finished?.event, "finished");
  const report = finished.report;
  assert.deepStrictEqual(report.rounds.map((r: any) => r.kind), ["questions", "coding", "followups"]);
  assert.ok(report.rounds[0].answers[0].answer.includes("sqrt(d_k)"), "the questions' answers are read back");
  assert.ok(report.rounds[0].answers[0].mentioned > 0, "key points ticked");
  assert.strictEqual(report.rounds[1].asked.length, 1, "the question asked is in the report");
  assert.strictEqual(report.rounds[2].answers[0].answer, ANSWERS[2]);
  const reportTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label.includes(`mock-${report.id}`));
  await until("the report page", () => reportTabs().length > 0);
  // The palette command with its scores given (else four quick picks).
  const rubric = { communication: 4, correctness: 5, complexity: 4, testing: 3 };
  const rated: any = await vscode.commands.executeCommand("mlkata.rate", rubric);
  assert.deepStrictEqual(rated?.rubric, rubric);
  assert.deepStrictEqual(app.mock.lastReport.rubric, rubric);
  await until("the rated report page", () => reportTabs().length === 1, 10000);
  return report;
}

function workspaceValue(key: string): unknown {
  return vscode.workspace.getConfiguration().inspect(key)?.workspaceValue;
}

describe("ML Kata in VS Code", () => {
  let app: any;

  before(async () => {
    app = await startedApp();
  });

  // First, on the fresh profile: nothing solved yet, so only (new) cards are due.
  it("reviews a concept card: answers it in the editor, reveals the model answer, grades it", async () => {
    await until("the review queue's status", () => app.review.status, 30000);
    const before: number = app.review.due;
    assert.ok(before > 0, "a fresh profile has new cards due");
    assert.strictEqual(app.review.item.text, `$(history) ${before} due`);

    const editor: vscode.TextEditor = await vscode.commands.executeCommand("mlkata.review");
    const doc = editor.document;
    const id = /^<!-- mlkata-card: ([a-z0-9-]+) -->$/.exec(doc.lineAt(0).text)?.[1];
    assert.ok(id, `the answer file's first line: ${doc.lineAt(0).text}`);
    const rule = doc.getText().split("\n").indexOf("---");
    assert.ok(rule > 0 && editor.selection.active.line > rule, "the cursor is below the --- line");
    assert.ok(await editor.edit((b) => b.insert(editor.selection.active, "Dividing the logits by a temperature before the softmax.\n")));
    await save(doc);

    // The lens "Reveal answer" runs the server's command: its result is shown as the palette's is.
    const revealed: any = await vscode.commands.executeCommand("mlkata.revealCard", { uri: doc.uri.toString() });
    assert.strictEqual(revealed.id, id);
    assert.ok(revealed.answer.length > 0 && Array.isArray(revealed.points));
    assert.strictEqual(revealed.mentioned, revealed.points.filter((p: any) => p.mentioned).length);
    if (revealed.points.length) {
      // Notes naming the first key points tick some (else the model answer must); Reveal from the palette.
      const answer = async (text: string): Promise<any> => {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(doc.uri, doc.lineAt(doc.lineCount - 1).range.end, `${text}\n`);
        assert.ok(await vscode.workspace.applyEdit(edit));
        await save(doc);
        return vscode.commands.executeCommand("mlkata.reveal");
      };
      const notes = revealed.points.slice(0, Math.ceil(revealed.points.length / 2)).map((p: any) => `- ${p.text}`);
      let again = await answer(notes.join("\n"));
      if (!again.mentioned) again = await answer(revealed.answer);
      assert.ok(again.points.some((p: any) => p.mentioned), `a key point mentioned among ${JSON.stringify(again.points)}`);
      await until("the grade lenses", async () => {
        const lenses: vscode.CodeLens[] = await vscode.commands.executeCommand("vscode.executeCodeLensProvider", doc.uri);
        return lenses.some((l) => l.command?.title.startsWith("Grade"));
      });
    }
    const pages = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label.includes(`card-${id}`));
    await until("the card's page", () => pages().length > 0);
    assert.strictEqual(pages().length, 1, "the second reveal shows the page in place of the first");
    const shown = await until("the answer beside the page", () => vscode.window.visibleTextEditors.find((e) => e.document === doc));
    shown.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    await new Promise((r) => setTimeout(r, 2000)); // let the preview render, the editor draw the new lenses
    await screenshot("review-card-revealed");

    const graded: any = await vscode.commands.executeCommand("mlkata.grade", "good");
    assert.strictEqual(graded.grade, "good");
    assert.ok(graded.due > Date.now() / 1000, "the card is due again later");
    assert.strictEqual(graded.status.due, before - 1);
    await until("the status bar's count", () => app.review.item.text === `$(history) ${before - 1} due`, 10000);
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });

  it("opens a problem, flags a wrong solution on its lines, clears them when fixed", async () => {
    const editor: vscode.TextEditor = await vscode.commands.executeCommand("mlkata.open", "multi-head-attention");
    const doc = editor.document;
    assert.match(doc.uri.fsPath, /multi_head_attention\.py$/);
    assert.strictEqual(doc.lineAt(0).text, "# mlkata: multi-head-attention");

    const wrong = golden("multi-head-attention", "missing_scale");
    await replaceAndSave(doc, wrong);
    // The starter's own run (not implemented) may publish first: wait for the wrong solution's.
    const diags = await until("diagnostics of the wrong solution", () => {
      const d = mlkataDiagnostics(doc.uri);
      return d.some((x) => x.code === "wrong_answer") ? d : undefined;
    });
    const classLine = wrong.split("\n").findIndex((l) => l.startsWith("class MultiHeadAttention"));
    assert.deepStrictEqual([...new Set(diags.filter((d) => d.code === "wrong_answer").map((d) => d.range.start.line))], [classLine]);
    const first = diags.find((d) => d.message.startsWith("single_head_matches_reference:"));
    assert.ok(first);
    // The failing case rides along as related information.
    assert.ok(first.relatedInformation?.some((r) => r.message.startsWith("input x: float32 (2, 4, 8)")));
    // "Debug this case": the quick fix writes the script; without the Python extension it runs in a terminal.
    const actions: vscode.CodeAction[] = await vscode.commands.executeCommand(
      "vscode.executeCodeActionProvider",
      doc.uri,
      first.range,
    );
    const debug = actions.find((a) => a.title.startsWith("Debug single_head_matches_reference"));
    assert.ok(debug?.command, `a debug action among ${actions.map((a) => a.title)}`);
    await vscode.commands.executeCommand(debug.command.command, ...(debug.command.arguments ?? []));
    const script = vscode.Uri.joinPath(doc.uri, "..", ".mlkata", "repro_single_head_matches_reference.py");
    const text = Buffer.from(await vscode.workspace.fs.readFile(script)).toString("utf8");
    assert.ok(text.includes("def single_head_matches_reference(mha_cls):"));
    await until("the terminal running the script", () =>
      vscode.window.terminals.find((t) => t.name === "ML Kata: single_head_matches_reference"),
    );
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await vscode.commands.executeCommand("workbench.actions.view.problems");
    await screenshot("wrong-answer-diagnostics");

    await replaceAndSave(doc, golden("multi-head-attention", "einsum_fused_softmax"));
    await until("the diagnostics to clear", () => mlkataDiagnostics(doc.uri).length === 0 && app.tests.reports.get(doc.uri.toString())?.verdict === "passed");
    const report = app.tests.reports.get(doc.uri.toString());
    assert.strictEqual(report.passed, report.total);
    const file = app.tests.controller.items.get(doc.uri.toString());
    assert.ok(file, "the file is in the Testing view");
    assert.strictEqual(file.children.size, report.total, "one item per hidden test");
    await vscode.commands.executeCommand("workbench.view.testing.focus");
    await screenshot("testing-view-passed");
  });

  it("runs a mock interview on a short clock until it closes, then shows the report", async () => {
    const status: any = await vscode.commands.executeCommand("mlkata.mockStart", "algorithms-screen", 0.0025);
    assert.ok(status.active && status.rounds === 3);
    await until("the status-bar clock", () => app.mock.item.text.includes("round 1/3"), 10000);
    await screenshot("mock-round");
    const report = await until("the mock report", () => app.mock.lastReport, 90000);
    assert.deepStrictEqual(
      report.rounds.map((r: any) => r.closedBy),
      ["timeout", "timeout", "timeout"],
    );
    assert.ok(report.rounds.every((r: any) => r.followups.length > 0));
    await until("the report page", () =>
      vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label.includes(`mock-${report.id}`))),
    );
    await new Promise((r) => setTimeout(r, 2000)); // let the preview render the new page
    await screenshot("mock-report");
  });

  it("runs a mock round in phases with realism on: questions, coding (asking the interviewer), follow-ups, report; settings restored", async () => {
    const Workspace = vscode.ConfigurationTarget.Workspace;
    const folder = await phasedInterview();
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    await vscode.commands.executeCommand("workbench.action.closePanel");
    // A setting of the user's own, at workspace level: it must come back exactly.
    await vscode.workspace.getConfiguration().update("editor.inlineSuggest.enabled", true, Workspace);
    try {
      const answers = await questionsPhase(app);
      await codingPhase(app);
      await followupsPhase(app, answers);
      const report = await finishAndRate(app);
      await until("the settings restored", () =>
        workspaceValue("editor.inlineSuggest.enabled") === true &&
        ["editor.quickSuggestions", "editor.suggestOnTriggerCharacters", "github.copilot.enable", "chat.commandCenter.enabled"].every(
          (k) => workspaceValue(k) === undefined,
        ),
      10000);
      // The report alone, full width.
      const others = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => !t.label.includes(`mock-${report.id}`));
      await vscode.window.tabGroups.close(others, true);
      await new Promise((r) => setTimeout(r, 2000)); // let the preview render the page
      await screenshot("mock-phase-report");
    } finally {
      const left: any = await vscode.commands.executeCommand("mlkata.mockStatus");
      if (left?.active) await vscode.commands.executeCommand("mlkata.abandonMock"); // after a failure mid-interview
      await vscode.workspace.getConfiguration().update("editor.inlineSuggest.enabled", undefined, Workspace);
      if (folder) await vscode.workspace.getConfiguration("mlkata").update("problemsFolders", undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    }
  });

  it("shows progress by topic and difficulty", async () => {
    await vscode.commands.executeCommand("mlkata.showProgress");
    await until("the progress page", () =>
      vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label.includes("progress"))),
    );
    const problems = await app.listProblems();
    assert.ok(problems.find((p: any) => p.id === "multi-head-attention").solved);
    const progress: any = await vscode.commands.executeCommand("mlkata.progress");
    assert.strictEqual(progress.review?.forecast.length, 7, "the review section's forecast");
    assert.ok(progress.mocks?.length >= 2, "the finished mock interviews are shown again on the progress page");
    // The Problems view: one group per catalogue area, in the catalogue's order, each problem exactly once.
    const groups: any[] = app.problems.getChildren();
    assert.strictEqual(groups[0].title, "Transformer internals");
    const listed = groups.flatMap((g) => app.problems.getChildren(g).map((p: any) => p.id));
    assert.strictEqual(listed.length, problems.length, "every problem once");
    assert.strictEqual(new Set(listed).size, problems.length);
    await vscode.commands.executeCommand("workbench.view.extension.mlkata");
    await new Promise((r) => setTimeout(r, 2000));
    await screenshot("progress-and-problems-view");
  });
});

describe("an interpreter without torch", () => {
  const plain = process.env.MLKATA_E2E_PLAIN_PYTHON;
  let app: any;

  before(async function () {
    if (!plain) this.skip();
    app = vscode.extensions.getExtension("mlkata.mlkata")!.exports;
  });

  after(async () => {
    if (!plain) return;
    await vscode.workspace.getConfiguration("mlkata").update("python", process.env.MLKATA_E2E_PYTHON, vscode.ConfigurationTarget.Global);
    await until("the server back on the torch interpreter", () => app.client?.isRunning() && app.status.text.includes("torch 2"));
  });

  it("restarts on the new interpreter, names the missing torch, and keeps the pure-Python problems working", async () => {
    await vscode.workspace.getConfiguration("mlkata").update("python", plain, vscode.ConfigurationTarget.Global);
    await until("the restart on the plain interpreter", () => app.client?.isRunning() && app.status.text.includes("torch missing"));
    const torchFile: vscode.TextEditor = await vscode.commands.executeCommand("mlkata.open", "layer-norm");
    await torchFile.document.save();
    const diag = await until("the missing-torch diagnostic", () =>
      mlkataDiagnostics(torchFile.document.uri).find((d) => d.code === "judge_error"),
    );
    assert.match(diag.message, /needs PyTorch/);
    const plainFile: vscode.TextEditor = await vscode.commands.executeCommand("mlkata.open", "number-of-islands");
    await replaceAndSave(plainFile.document, golden("number-of-islands", "union_find"));
    await until("the pure-Python problem to pass", () => app.tests.reports.get(plainFile.document.uri.toString())?.verdict === "passed");
    await screenshot("no-torch");
  });
});
