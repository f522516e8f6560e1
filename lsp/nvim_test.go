package lsp

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// serveEnv makes the test binary a language server on its standard input
// and output, so that a real editor can start it as it would start
// "citelint lsp".
const serveEnv = "CITELINT_LSP_TEST_SERVE"

func TestMain(m *testing.M) {
	if os.Getenv(serveEnv) == "1" {
		if err := Serve(context.Background(), stdio{}, Options{}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

type stdio struct{}

func (stdio) Read(p []byte) (int, error)  { return os.Stdin.Read(p) }
func (stdio) Write(p []byte) (int, error) { return os.Stdout.Write(p) }
func (stdio) Close() error                { return nil }

// nvimScript starts the server for the draft in a headless Neovim (0.7's
// API, which later versions keep) and writes the first diagnostics it
// receives to a file, one per line.
const nvimScript = `
local client = vim.lsp.start_client({
  name = "citelint",
  cmd = { os.getenv("SERVER") },
  root_dir = os.getenv("ROOT"),
  handlers = {
    ["textDocument/publishDiagnostics"] = function(_, result)
      local lines = {}
      for _, d in ipairs(result.diagnostics) do
        local s, e = d.range.start, d.range["end"]
        table.insert(lines, string.format("%s %d:%d-%d:%d %d %s", d.code, s.line, s.character, e.line, e.character, d.severity, d.message))
      end
      local f = io.open(os.getenv("OUT"), "w")
      f:write(table.concat(lines, "\n") .. "\n")
      f:close()
      vim.schedule(function() vim.cmd("qall!") end)
    end,
  },
})
vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("DRAFT")))
vim.lsp.buf_attach_client(0, client)
vim.defer_fn(function() vim.cmd("cquit 3") end, 20000)
`

// A real editor: Neovim, headless, opens a draft with wide characters and
// CRLF lines with this server as its language server.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim is not installed (Debian: apt-get install neovim); the real-editor test is skipped")
	}
	dir := t.TempDir()
	draft := filepath.Join(dir, "draft.md")
	script := filepath.Join(dir, "check.lua")
	out := filepath.Join(dir, "diagnostics.txt")
	if err := os.WriteFile(draft, []byte(wide), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(script, []byte(nvimScript), 0o644); err != nil {
		t.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-n", "-c", "luafile "+script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), serveEnv+"=1", "SERVER="+exe, "ROOT="+dir, "DRAFT="+draft, "OUT="+out,
		"XDG_CACHE_HOME="+t.TempDir(), "XDG_CONFIG_HOME="+t.TempDir(), "XDG_STATE_HOME="+t.TempDir(), "XDG_DATA_HOME="+t.TempDir())
	if output, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nvim: %v\n%s", err, output)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	const msg = `placeholder "[citation needed]" left in the draft`
	want := "citation-needed-marker 0:11-0:28 1 " + msg + "\ncitation-needed-marker 3:9-3:26 1 " + msg + "\n"
	if string(got) != want {
		t.Errorf("Neovim received:\n%s\nwant:\n%s", got, want)
	}
}
