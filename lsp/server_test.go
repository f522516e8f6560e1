package lsp

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
)

// client is the test's side of a session: a real JSON-RPC client over an
// in-memory pipe, collecting the diagnostics the server publishes.
type client struct {
	t     testing.TB
	conn  *jsonrpc2.Conn
	diags chan publishDiagnosticsParams
	done  chan error
}

func startClient(t testing.TB, opts Options) *client {
	t.Helper()
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // link results come from an empty cache
	serverEnd, clientEnd := net.Pipe()
	c := &client{t: t, diags: make(chan publishDiagnosticsParams, 64), done: make(chan error, 1)}
	go func() { c.done <- Serve(context.Background(), serverEnd, opts) }()
	c.conn = jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(clientEnd, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(func(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
			if req.Method == "textDocument/publishDiagnostics" {
				var p publishDiagnosticsParams
				if err := json.Unmarshal(*req.Params, &p); err != nil {
					t.Errorf("publishDiagnostics: %v", err)
				}
				c.diags <- p
			}
			return nil, nil
		}))
	t.Cleanup(func() { c.conn.Close() })
	return c
}

func (c *client) call(method string, params, result any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := c.conn.Call(ctx, method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// initialize starts the session offering encodings, rooted at root.
func (c *client) initialize(root string, encodings ...string) initializeResult {
	c.t.Helper()
	params := map[string]any{
		"rootUri":      pathURI(root),
		"capabilities": map[string]any{"general": map[string]any{"positionEncodings": encodings}},
	}
	var res initializeResult
	c.call("initialize", params, &res)
	c.notify("initialized", map[string]any{})
	return res
}

// next waits for the next diagnostics published for uri.
func (c *client) next(uri string) publishDiagnosticsParams {
	c.t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case p := <-c.diags:
			if p.URI == uri {
				return p
			}
		case <-timeout:
			c.t.Fatalf("no diagnostics for %s", uri)
		}
	}
}

func (c *client) open(uri, text string) {
	c.t.Helper()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
}

func (c *client) change(uri string, version int, changes ...map[string]any) {
	c.t.Helper()
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": version}, "contentChanges": changes})
}

func rng(l1, c1, l2, c2 int) Range {
	return Range{Start: Position{l1, c1}, End: Position{l2, c2}}
}

// ranges lists the published diagnostics as "code line:char-line:char".
func ranges(p publishDiagnosticsParams) []string {
	var out []string
	for _, d := range p.Diagnostics {
		r := d.Range
		out = append(out, d.Code+" "+itoa(r.Start.Line)+":"+itoa(r.Start.Character)+"-"+itoa(r.End.Line)+":"+itoa(r.End.Character))
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

func equal(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot  %q\nwant %q", what, got, want)
	}
}

// wide holds emoji (two UTF-16 units, four bytes), CJK (one unit, three
// bytes) and CRLF line ends.
const wide = "Café 😀 北京 [citation needed].\r\n\r\n- one\r\n- 😀 two [citation needed]\r\n"

func TestRangesUTF16(t *testing.T) {
	c := startClient(t, Options{})
	res := c.initialize(t.TempDir(), "utf-16")
	if res.Capabilities.PositionEncoding != "utf-16" || res.Capabilities.TextDocumentSync.Change != 2 || !res.Capabilities.HoverProvider || !res.Capabilities.CodeActionProvider {
		t.Fatalf("capabilities: %+v", res.Capabilities)
	}
	uri := pathURI(filepath.Join(t.TempDir(), "draft.md"))
	c.open(uri, wide)
	p := c.next(uri)
	equal(t, "ranges", ranges(p), []string{"citation-needed-marker 0:11-0:28", "citation-needed-marker 3:9-3:26"})
	d := p.Diagnostics[0]
	if d.Severity != 1 || d.Source != "citelint" || d.Message != `placeholder "[citation needed]" left in the draft` ||
		d.CodeDescription == nil || d.CodeDescription.Href != "https://github.com/citelint/citelint/blob/main/rules/citation-needed-marker/doc.md" {
		t.Errorf("diagnostic: %+v", d)
	}
	if p.Version == nil || *p.Version != 1 {
		t.Errorf("version: %v", p.Version)
	}
}

func TestRangesUTF8(t *testing.T) {
	c := startClient(t, Options{})
	if res := c.initialize(t.TempDir(), "utf-32", "utf-8", "utf-16"); res.Capabilities.PositionEncoding != "utf-8" {
		t.Fatalf("encoding %q, want utf-8", res.Capabilities.PositionEncoding)
	}
	uri := pathURI(filepath.Join(t.TempDir(), "draft.md"))
	c.open(uri, wide)
	equal(t, "ranges", ranges(c.next(uri)), []string{"citation-needed-marker 0:18-0:35", "citation-needed-marker 3:11-3:28"})
}

func TestNoEncodingsOfferedMeansUTF16(t *testing.T) {
	c := startClient(t, Options{})
	if res := c.initialize(t.TempDir()); res.Capabilities.PositionEncoding != "utf-16" {
		t.Fatalf("encoding %q, want utf-16", res.Capabilities.PositionEncoding)
	}
}

func TestIncrementalAndFullChanges(t *testing.T) {
	for _, enc := range []string{"utf-16", "utf-8"} {
		t.Run(enc, func(t *testing.T) {
			c := startClient(t, Options{})
			c.initialize(t.TempDir(), enc)
			uri := pathURI(filepath.Join(t.TempDir(), "draft.md"))
			c.open(uri, wide)
			c.next(uri)
			// Delete "😀 " on line 3 (after "- "): the finding moves left by
			// the emoji and its space in the negotiated units.
			emojiEnd := map[string]int{"utf-16": 5, "utf-8": 7}[enc]
			c.change(uri, 2, map[string]any{"range": rng(3, 2, 3, emojiEnd), "text": ""})
			p := c.next(uri)
			want := map[string][]string{
				"utf-16": {"citation-needed-marker 0:11-0:28", "citation-needed-marker 3:6-3:23"},
				"utf-8":  {"citation-needed-marker 0:18-0:35", "citation-needed-marker 3:6-3:23"},
			}[enc]
			equal(t, "after incremental change", ranges(p), want)
			if *p.Version != 2 {
				t.Errorf("version %d, want 2", *p.Version)
			}
			// Two edits in one notification apply in order: insert a line
			// after "北京 " then replace the new line's text.
			col := map[string]int{"utf-16": 10, "utf-8": 17}[enc]
			c.change(uri, 3,
				map[string]any{"range": rng(0, col, 0, col), "text": "x\r\n"},
				map[string]any{"range": rng(1, 0, 1, 1), "text": "北"})
			// Line 1 is now "北[citation needed]."
			first := map[string]string{"utf-16": "1:1-1:18", "utf-8": "1:3-1:20"}[enc]
			equal(t, "after two edits", ranges(c.next(uri)), []string{"citation-needed-marker " + first, "citation-needed-marker 4:6-4:23"})
			c.change(uri, 4, map[string]any{"text": "All sourced.\n"})
			equal(t, "after full change", ranges(c.next(uri)), nil)
		})
	}
}

func TestHover(t *testing.T) {
	c := startClient(t, Options{})
	c.initialize(t.TempDir(), "utf-16")
	uri := pathURI(filepath.Join(t.TempDir(), "draft.md"))
	c.open(uri, wide)
	c.next(uri)
	var h *hover
	c.call("textDocument/hover", positionParams{TextDocument: textDocumentIdentifier{URI: uri}, Position: Position{Line: 3, Character: 12}}, &h)
	if h == nil || h.Contents.Kind != "markdown" || !strings.HasPrefix(h.Contents.Value, "**citelint: citation-needed-marker**\n\n") ||
		!strings.Contains(h.Contents.Value, strings.TrimSpace(ruleByID("citation-needed-marker").Doc)) {
		t.Fatalf("hover: %+v", h)
	}
	h = nil
	c.call("textDocument/hover", positionParams{TextDocument: textDocumentIdentifier{URI: uri}, Position: Position{Line: 3, Character: 1}}, &h)
	if h != nil {
		t.Errorf("hover off a finding: %+v", h)
	}
}

func TestCodeActionDisablesLine(t *testing.T) {
	c := startClient(t, Options{})
	c.initialize(t.TempDir(), "utf-16")
	uri := pathURI(filepath.Join(t.TempDir(), "draft.md"))
	c.open(uri, wide)
	c.next(uri)
	var actions []codeAction
	c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": rng(3, 10, 3, 10), "context": map[string]any{"diagnostics": []any{}}}, &actions)
	if len(actions) != 1 {
		t.Fatalf("actions: %+v", actions)
	}
	a := actions[0]
	// The second item follows a sibling: the comment joins that item, at
	// its content column, keeping the list whole; the line ends as the
	// document's do.
	want := textEdit{Range: rng(3, 0, 3, 0), NewText: "  <!-- citelint-disable-next-line citation-needed-marker -->\r\n"}
	edits := a.Edit.Changes[uri]
	if a.Title != "Disable citation-needed-marker on this line" || a.Kind != "quickfix" || len(edits) != 1 || edits[0] != want {
		t.Fatalf("action: %+v", a)
	}
	// Applied, the edit silences the finding and nothing else.
	c.change(uri, 2, map[string]any{"range": edits[0].Range, "text": edits[0].NewText})
	equal(t, "after the edit", ranges(c.next(uri)), []string{"citation-needed-marker 0:11-0:28"})
}

func TestCodeActionAppliesTheRulesFix(t *testing.T) {
	c := startClient(t, Options{})
	c.initialize(t.TempDir(), "utf-16")
	uri := pathURI(filepath.Join(t.TempDir(), "draft.md"))
	// A fragment one letter from the heading's anchor: broken-fragment
	// suggests that anchor and carries the edit.
	c.open(uri, "# Library hours 📚\n\nSee [the hours](#library-hour-).\n")
	if got := ranges(c.next(uri)); len(got) != 1 {
		t.Fatalf("diagnostics: %v", got)
	}
	var actions []codeAction
	c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": rng(2, 0, 2, 0), "context": map[string]any{"diagnostics": []any{}}}, &actions)
	if len(actions) != 2 || !strings.HasPrefix(actions[0].Title, "Fix: ") || actions[1].Title != "Disable broken-fragment on this line" {
		t.Fatalf("actions: %+v", actions)
	}
	edits := actions[0].Edit.Changes[uri]
	want := []textEdit{{Range: rng(2, 17, 2, 30), NewText: "library-hours-"}}
	if !slices.Equal(edits, want) {
		t.Fatalf("fix edits %+v, want %+v", edits, want)
	}
	c.change(uri, 2, map[string]any{"range": edits[0].Range, "text": edits[0].NewText})
	equal(t, "after the fix", ranges(c.next(uri)), nil)
}

func TestDisableLineIndentation(t *testing.T) {
	const rule = "R"
	comment := "<!-- citelint-disable-next-line R -->"
	for _, tc := range []struct {
		src  string
		line int
		want string
	}{
		{"plain\n", 0, comment + "\n"},
		{"- a\n  b\n", 1, "  " + comment + "\n"},
		{"- a\n- b\n", 0, comment + "\n"},
		{"- a\n- b\n", 1, "  " + comment + "\n"},
		{"- a\n\n- b\n", 2, "  " + comment + "\n"},
		{"9. a\n10. b\n", 1, "   " + comment + "\n"},
		{"1. a\n   - x\n   - y\n", 2, "     " + comment + "\n"},
		{"- a\n  - x\n- b\n", 2, "  " + comment + "\n"},
		{"> quoted\n> text\n", 1, "> " + comment + "\n"},
		{"> - a\n> - b\r\n", 1, ">   " + comment + "\r\n"},
		{"para\n- a\n", 1, comment + "\n"},
	} {
		if got := disableLine(newText([]byte(tc.src)), tc.line, rule); got != tc.want {
			t.Errorf("%q line %d: got %q, want %q", tc.src, tc.line, got, tc.want)
		}
	}
}

func TestConfigReload(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(root, ".citelint.yml")
	write := func(s string) {
		if err := os.WriteFile(cfg, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("rules:\n  citation-needed-marker: off\n")
	c := startClient(t, Options{})
	c.initialize(root, "utf-16")
	uri := pathURI(filepath.Join(root, "draft.md"))
	c.open(uri, wide)
	equal(t, "rule off", ranges(c.next(uri)), nil)

	watched := map[string]any{"changes": []any{map[string]any{"uri": pathURI(cfg), "type": 2}}}
	write("rules:\n  citation-needed-marker: [\n")
	c.notify("workspace/didChangeWatchedFiles", watched)
	p := c.next(pathURI(cfg))
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Severity != 1 || !strings.HasSuffix(p.Diagnostics[0].Message, "; citelint checks with the defaults until it is fixed") {
		t.Fatalf("broken config: %+v", p)
	}
	equal(t, "defaults while broken", ranges(c.next(uri)), []string{"citation-needed-marker 0:11-0:28", "citation-needed-marker 3:9-3:26"})

	write("rules:\n  citation-needed-marker: warning\n")
	c.notify("workspace/didChangeWatchedFiles", watched)
	if p := c.next(pathURI(cfg)); len(p.Diagnostics) != 0 {
		t.Fatalf("mended config still reported: %+v", p)
	}
	p = c.next(uri)
	equal(t, "mended", ranges(p), []string{"citation-needed-marker 0:11-0:28", "citation-needed-marker 3:9-3:26"})
	if p.Diagnostics[0].Severity != 2 {
		t.Errorf("severity %d, want 2 (warning)", p.Diagnostics[0].Severity)
	}
}

func TestTooLargeIsRefused(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, ".citelint.yml"), []byte("limits:\n  max-file-size: 1KB\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := startClient(t, Options{})
	c.initialize(root, "utf-16")
	uri := pathURI(filepath.Join(root, "big.md"))
	c.open(uri, strings.Repeat("[citation needed] ", 100))
	p := c.next(uri)
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Code != "" || p.Diagnostics[0].Range != (Range{}) ||
		!strings.HasPrefix(p.Diagnostics[0].Message, "not checked: it is 1.8 kB, over the 1.0 kB limit") {
		t.Fatalf("diagnostics: %+v", p)
	}
}

func TestShutdownExit(t *testing.T) {
	c := startClient(t, Options{})
	c.initialize(t.TempDir(), "utf-16")
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	select {
	case err := <-c.done:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("server did not exit")
	}
}

func TestExitWithoutShutdownIsAnError(t *testing.T) {
	c := startClient(t, Options{})
	c.initialize(t.TempDir(), "utf-16")
	c.notify("exit", nil)
	select {
	case err := <-c.done:
		if err == nil || err.Error() != "the client exited without asking to shut down first" {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("server did not exit")
	}
}
