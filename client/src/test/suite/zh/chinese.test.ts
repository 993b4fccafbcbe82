// The driver's `zh` window: VS Code's display language is Simplified Chinese (code-server --locale zh-cn, with
// the stand-in language pack of client/e2e/languagePack.js). ML Kata's contributed titles come from
// package.nls.zh-cn.json, its own messages from l10n/bundle.l10n.zh-cn.json, the server's from its catalogue.
import * as assert from "assert";
import * as vscode from "vscode";
import { SOURCE } from "../../../protocol";
import { until } from "../../helpers";
import { click, screenshot } from "../../shot";

const CHINESE = /[\u4e00-\u9fff]/;

/** A contributed command's title as the workbench shows it (a localized title comes with its original). */
function titleOf(title: string | { value: string; original: string }): string {
  return typeof title === "string" ? title : title.value;
}

describe("the UI in Chinese", () => {
  const ext = vscode.extensions.getExtension("mlkata.mlkata")!;

  it("runs in VS Code's display language, with the contributed titles from package.nls.zh-cn.json", () => {
    assert.strictEqual(vscode.env.language, "zh-cn");
    const manifest = ext.packageJSON;
    const title = (id: string) => titleOf(manifest.contributes.commands.find((c: any) => c.command === id).title);
    assert.strictEqual(title("mlkata.open"), "打开题目…");
    assert.strictEqual(title("mlkata.run"), "运行隐藏测试");
    assert.strictEqual(manifest.contributes.views.mlkata[0].name, "题目");
    assert.strictEqual(manifest.contributes.walkthroughs[0].title, "ML Kata 入门");
    // A step's Markdown is a %key% too: the Chinese file (client/media/walkthrough/*.zh-cn.md).
    assert.strictEqual(manifest.contributes.walkthroughs[0].steps[0].media.markdown, "client/media/walkthrough/open.zh-cn.md");
  });

  it("shows its status, the Problems view and the server's diagnostics in Chinese", async () => {
    const app = await ext.activate();
    assert.strictEqual(app.status.text, "ML Kata：空闲", "the language status before the server starts");

    await vscode.commands.executeCommand("workbench.view.extension.mlkata");
    const editor: vscode.TextEditor = await vscode.commands.executeCommand("mlkata.open", "matrix-multiply");
    await until("the server up", () => app.client?.isRunning() && app.status.text.startsWith("ML Kata：就绪"));

    // The starter fails its hidden tests: the server's messages follow the locale the client sent in initialize.
    const uri = editor.document.uri;
    const diagnostics = await until("the starter judged", () => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
      return found.length > 0 && found;
    });
    assert.ok(diagnostics.some((d) => CHINESE.test(d.message)), diagnostics.map((d) => d.message).join("\n"));

    await app.problems.refresh();
    assert.match(app.problems.view.description ?? "", /^已解决 \d+\/\d+$/);
    const [area] = app.problems.getChildren();
    const problem = app.problems.getChildren(area).find((p: any) => p.id === "matrix-multiply") ?? app.problems.getChildren(area)[0];
    assert.match(String(app.problems.getTreeItem(problem).description), /^(简单|中等|困难) · \d+ 分钟$/);
    assert.match((app.problems.getTreeItem(problem).tooltip as vscode.MarkdownString).value, /个隐藏测试/);

    // The picture: the ML Kata view, the solution with the server's diagnostic in its hover and code lens, the
    // status bar (the click waits until the hover is drawn).
    await vscode.commands.executeCommand("workbench.view.extension.mlkata");
    const shown = await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    const failing = diagnostics.find((d) => CHINESE.test(d.message))!.range;
    shown.selection = new vscode.Selection(failing.start, failing.start);
    await vscode.commands.executeCommand("editor.action.showHover");
    await click(".monaco-hover .hover-contents");
    await screenshot("zh-cn");
  });

  it("writes its pages in Chinese (the progress page)", async () => {
    const uri: vscode.Uri = await vscode.commands.executeCommand("mlkata.showProgress");
    const page = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString("utf8");
    assert.ok(page.startsWith("# ML Kata 进度\n"), page.slice(0, 200));
    assert.match(page, /\*\*已解决 \d+\/\d+ 道题\*\*/);
    assert.match(page, /^## 按难度$/m);
    assert.match(page, /^\| (简单|中等|困难) \| \d+\/\d+ \|$/m);
  });
});
