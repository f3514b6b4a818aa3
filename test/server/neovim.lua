-- Headless Neovim attaches the namelint language server to a file, waits for its
-- diagnostics, applies the preferred quick fix, waits for the re-lint, and writes
-- what it saw as JSON (NAMELINT_OUT). Works with Neovim 0.7 (Debian) and later.
local out = os.getenv('NAMELINT_OUT')
local result = {}

local function finish()
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

local function diagnostics(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, message = d.message, severity = d.severity, source = d.source, code = d.code })
  end
  table.sort(list, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return list
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('NAMELINT_FILE')))
  local buf = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[buf].filetype
  local config = {
    name = 'namelint',
    cmd = { os.getenv('NAMELINT_NODE'), os.getenv('NAMELINT_SERVER'), '--stdio' },
    root_dir = os.getenv('NAMELINT_ROOT'),
    settings = { namelint = {} },
  }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config)
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(buf, client_id)
  end
  result.client = client_id ~= nil
  result.got_diagnostics = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  result.diagnostics = diagnostics(buf)
  if not result.got_diagnostics then return end

  -- Ask for the code actions of the first diagnostic and apply the preferred fix.
  local first = vim.diagnostic.get(buf)[1]
  local lsp_diagnostic = first.user_data and first.user_data.lsp or nil
  if not lsp_diagnostic then
    -- Neovim 0.10+ keeps the LSP diagnostic elsewhere; find it by position.
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.lnum == result.diagnostics[1].lnum and d.col == result.diagnostics[1].col then lsp_diagnostic = d.user_data and d.user_data.lsp end
    end
  end
  local range = lsp_diagnostic and lsp_diagnostic.range or { start = { line = first.lnum, character = first.col }, ['end'] = { line = first.end_lnum, character = first.end_col } }
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, range = range, context = { diagnostics = { lsp_diagnostic } } }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000) or {}
  local chosen
  result.actions = {}
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      table.insert(result.actions, action.title)
      if action.isPreferred and action.edit and not chosen then chosen = action end
    end
  end
  if not chosen then return end
  local before = #vim.diagnostic.get(buf)
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  result.relinted = vim.wait(30000, function() return #vim.diagnostic.get(buf) < before end, 50)
  result.after = diagnostics(buf)
  result.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end)
if not ok then result.error = tostring(err) end
finish()
