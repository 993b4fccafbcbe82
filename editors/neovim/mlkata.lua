-- ML Kata's language server in Neovim 0.7 or newer, without plugins.
-- Put this file on your runtimepath (e.g. ~/.config/nvim/plugin/mlkata.lua) or `luafile` it.
-- Every Python buffer whose first line is `# mlkata: <problem-id>` gets the hidden tests'
-- results as diagnostics on save; other Python buffers are ignored by the server.
local python = vim.g.mlkata_python or "python3"

vim.api.nvim_create_autocmd("FileType", {
  pattern = "python",
  callback = function(args)
    local root = vim.fn.getcwd()
    vim.g.mlkata_client = vim.g.mlkata_client or vim.lsp.start_client({
      name = "mlkata",
      cmd = { python, "-m", "mlkata.server" },
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
      init_options = vim.g.mlkata_settings or { runOnSave = true, runOnType = false },
    })
    vim.lsp.buf_attach_client(args.buf, vim.g.mlkata_client)
  end,
})
