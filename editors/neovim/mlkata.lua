-- ML Kata's language server in Neovim 0.7 or newer, without plugins.
-- Put this file on your runtimepath (e.g. ~/.config/nvim/plugin/mlkata.lua) or `luafile` it.
-- Every Python buffer whose first line is `# mlkata: <problem-id>` gets the hidden tests'
-- results as diagnostics on save; other Python buffers are ignored by the server.
-- The review queue: :MlKataReview (the next due card or problem), :MlKataReveal (the model answer
-- and the key points your answer mentions, in a split), :MlKataGrade again|hard|good|easy.
local python = vim.g.mlkata_python or "python3"

local function client_id()
  local root = vim.fn.getcwd()
  vim.g.mlkata_client = vim.g.mlkata_client or vim.lsp.start_client({
    name = "mlkata",
    cmd = { python, "-m", "mlkata.server" },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = vim.g.mlkata_settings or { runOnSave = true, runOnType = false },
  })
  return vim.g.mlkata_client
end

vim.api.nvim_create_autocmd("FileType", {
  pattern = { "python", "markdown" },
  callback = function(args)
    local name = vim.api.nvim_buf_get_name(args.buf)
    if vim.bo[args.buf].filetype == "python" or name:find("mlkata%-review") then
      vim.lsp.buf_attach_client(args.buf, client_id())
    end
  end,
})

-- Run a server command; on_result gets its result (errors are shown).
local function execute(command, argument, on_result)
  local id = client_id()
  vim.wait(60000, function() return vim.lsp.get_client_by_id(id) ~= nil end, 50)  -- listed once initialised
  local client = vim.lsp.get_client_by_id(id)
  if not client then
    vim.notify("ML Kata: the language server did not start", vim.log.levels.ERROR)
    return
  end
  client.request("workspace/executeCommand", { command = command, arguments = { argument } }, function(err, result)
    if err then
      vim.notify("ML Kata: " .. err.message, vim.log.levels.ERROR)
    else
      on_result(result)
    end
  end)
end

vim.api.nvim_create_user_command("MlKataReview", function()
  execute("mlkata.reviewNext", vim.empty_dict(), function(item)
    if item.kind == "card" then
      vim.cmd("edit " .. vim.fn.fnameescape(item.path))
      vim.cmd("normal! G")
    elseif item.kind == "problem" then
      execute("mlkata.openProblem", { id = item.id }, function(opened) vim.cmd("edit " .. vim.fn.fnameescape(opened.path)) end)
    else
      vim.notify("ML Kata: nothing is due")
    end
  end)
end, {})

vim.api.nvim_create_user_command("MlKataReveal", function()
  vim.cmd("silent write")
  execute("mlkata.revealCard", { uri = vim.uri_from_bufnr(0) }, function(shown)
    local lines = { "# " .. shown.question, "", "## Model answer" }
    vim.list_extend(lines, vim.split(shown.answer, "\n"))
    vim.list_extend(lines, { "", "## Key points" })
    for _, point in ipairs(shown.points) do
      table.insert(lines, (point.mentioned and "- [x] " or "- [ ] ") .. point.text)
    end
    vim.list_extend(lines, { "", shown.note, "Source: " .. shown.source, "", "Grade yourself: :MlKataGrade again|hard|good|easy" })
    local answer_buf = vim.api.nvim_get_current_buf()
    vim.cmd("vnew")
    vim.bo.buftype, vim.bo.bufhidden, vim.bo.filetype = "nofile", "wipe", "markdown"
    vim.api.nvim_buf_set_name(0, "mlkata-reveal-" .. shown.id)
    vim.api.nvim_buf_set_lines(0, 0, -1, false, lines)
    vim.b.mlkata_answer_buf = answer_buf
  end)
end, {})

vim.api.nvim_create_user_command("MlKataGrade", function(opts)
  local buf = vim.b.mlkata_answer_buf or vim.api.nvim_get_current_buf()
  execute("mlkata.gradeCard", { uri = vim.uri_from_bufnr(buf), grade = opts.args }, function(done)
    vim.g.mlkata_last_grade = done
    vim.notify(string.format("ML Kata: graded %s; next review %s; %d due", done.grade, os.date("%Y-%m-%d %H:%M", done.due), done.status.due))
  end)
end, { nargs = 1, complete = function() return { "again", "hard", "good", "easy" } end })
