// Package lsp is citelint's language server: it speaks the Language
// Server Protocol over one stream (an editor's pipe to "citelint lsp"),
// keeps the open drafts in memory and checks them through package check,
// as the command line does.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/citelint/citelint/check"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/rules"
	"github.com/sourcegraph/jsonrpc2"
)

// DefaultDelay is Options.Delay by default: long enough that a check
// waits for a pause in typing, short enough to feel immediate.
const DefaultDelay = 150 * time.Millisecond

// Options configure a server.
type Options struct {
	// Delay is how long after the last change a document is checked; 0
	// checks at once. Serve uses DefaultDelay when it is negative.
	Delay time.Duration
	// Version names citelint in serverInfo and the link checker's
	// User-Agent.
	Version string
	// AllowPrivate lets the link check on save reach private addresses,
	// as --allow-private does.
	AllowPrivate bool
}

// notifier is what the server needs of its connection: sending a
// notification to the client. Keeping it this small keeps the JSON-RPC
// library replaceable.
type notifier interface {
	Notify(ctx context.Context, method string, params any, opts ...jsonrpc2.CallOption) error
}

// Serve answers one client over rwc until it exits or the stream ends.
func Serve(ctx context.Context, rwc io.ReadWriteCloser, opts Options) error {
	if opts.Delay < 0 {
		opts.Delay = DefaultDelay
	}
	s := newServer(opts)
	conn := jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(rwc, jsonrpc2.VSCodeObjectCodec{}), jsonrpc2.HandlerWithError(s.handle))
	s.client = conn
	close(s.ready)
	select {
	case <-conn.DisconnectNotify():
	case <-s.exit:
		// The stream may stay open (a process's stdin): exit ends the
		// session all the same.
	case <-ctx.Done():
		conn.Close()
	}
	s.stop()
	if s.exitedUnclean() {
		return errors.New("the client exited without asking to shut down first")
	}
	return nil
}

// server is the state of one session.
type server struct {
	opts   Options
	client notifier
	ready  chan struct{} // closed once client is set
	ctx    context.Context
	cancel context.CancelFunc
	jobs   sync.WaitGroup
	exit   chan struct{} // closed by the exit notification

	mu       sync.Mutex
	encoding string
	root     string
	config   string // the config file in force, "" for the defaults
	broken   string // a broken config file's URI, "" when none
	docs     map[string]*document
	shutdown bool
	exited   bool
}

// document is an open draft.
type document struct {
	version int
	src     []byte
	gen     int // counts changes, so that a stale check is not published
	timer   *time.Timer
	// checked is the text the last published findings are about.
	checked *text
	diags   []lint.Diagnostic
}

func newServer(opts Options) *server {
	ctx, cancel := context.WithCancel(context.Background())
	return &server{opts: opts, ctx: ctx, cancel: cancel, exit: make(chan struct{}), ready: make(chan struct{}), encoding: utf16Encoding, docs: map[string]*document{}}
}

func (s *server) stop() {
	s.mu.Lock()
	for _, d := range s.docs {
		s.stopTimer(d)
	}
	s.mu.Unlock()
	s.cancel()
	s.jobs.Wait()
}

func (s *server) exitedUnclean() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.exited && !s.shutdown
}

func (s *server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	switch req.Method {
	case "initialize":
		var p initializeParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		return s.initialize(&p), nil
	case "initialized":
		return nil, nil
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		return nil, nil
	case "exit":
		s.mu.Lock()
		if !s.exited {
			s.exited = true
			close(s.exit)
		}
		s.mu.Unlock()
		return nil, conn.Close()
	case "textDocument/didOpen":
		var p didOpenParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		s.open(p.TextDocument)
		return nil, nil
	case "textDocument/didChange":
		var p didChangeParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		return nil, s.change(&p)
	case "textDocument/didClose":
		var p documentParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		s.close(p.TextDocument.URI)
		return nil, nil
	case "textDocument/didSave":
		var p documentParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		s.save(p.TextDocument.URI)
		return nil, nil
	case "workspace/didChangeWatchedFiles":
		var p didChangeWatchedFilesParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		if slices.ContainsFunc(p.Changes, func(c struct {
			URI string `json:"uri"`
		}) bool {
			return slices.Contains(lint.ConfigNames, filepath.Base(uriPath(c.URI)))
		}) {
			s.reloadConfig()
		}
		return nil, nil
	case "textDocument/hover":
		var p positionParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		return s.hover(&p), nil
	case "textDocument/codeAction":
		var p codeActionParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		return s.codeActions(&p), nil
	}
	if req.Notif {
		return nil, nil // unknown notifications are ignored, as the protocol asks
	}
	return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "citelint does not handle " + req.Method}
}

func decode(req *jsonrpc2.Request, v any) error {
	if req.Params == nil {
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: req.Method + ": no params"}
	}
	if err := json.Unmarshal(*req.Params, v); err != nil {
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: fmt.Sprintf("%s: %v", req.Method, err)}
	}
	return nil
}

func (s *server) initialize(p *initializeParams) initializeResult {
	s.mu.Lock()
	if slices.Contains(p.Capabilities.General.PositionEncodings, utf8Encoding) {
		s.encoding = utf8Encoding
	}
	switch {
	case len(p.WorkspaceFolders) > 0:
		s.root = uriPath(p.WorkspaceFolders[0].URI)
	case p.RootURI != "":
		s.root = uriPath(p.RootURI)
	}
	enc := s.encoding
	s.mu.Unlock()
	s.reloadConfig()
	return initializeResult{
		Capabilities: serverCapabilities{
			PositionEncoding:   enc,
			TextDocumentSync:   textDocumentSync{OpenClose: true, Change: 2, Save: true},
			HoverProvider:      true,
			CodeActionProvider: true,
		},
		ServerInfo: serverInfo{Name: "citelint", Version: s.opts.Version},
	}
}

// reloadConfig finds the workspace's config file and reads it. A broken
// config is published as one diagnostic on the config file, and drafts
// are checked with the defaults until it is mended.
func (s *server) reloadConfig() {
	s.mu.Lock()
	root := s.root
	s.mu.Unlock()
	path := ""
	if root != "" {
		found, err := lint.FindConfig(root)
		if err == nil {
			path = found
		}
	}
	var broken *publishDiagnosticsParams
	if path != "" {
		if _, err := check.New(s.ctx, check.Options{ConfigPath: path, Jobs: 1}); err != nil {
			broken = &publishDiagnosticsParams{URI: pathURI(path), Diagnostics: []Diagnostic{configDiagnostic(err)}}
			path = ""
		}
	}
	s.mu.Lock()
	previous := s.broken
	s.config, s.broken = path, ""
	if broken != nil {
		s.broken = broken.URI
	}
	uris := make([]string, 0, len(s.docs))
	for uri := range s.docs {
		uris = append(uris, uri)
	}
	s.mu.Unlock()
	if previous != "" && (broken == nil || broken.URI != previous) {
		s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: previous, Diagnostics: []Diagnostic{}})
	}
	if broken != nil {
		s.notify("textDocument/publishDiagnostics", broken)
	}
	for _, uri := range uris {
		s.schedule(uri, 0)
	}
}

// configDiagnostic places a config error at its line and column when it
// has one.
func configDiagnostic(err error) Diagnostic {
	d := Diagnostic{Severity: 1, Source: "citelint", Message: err.Error() + "; citelint checks with the defaults until it is fixed"}
	var ce *lint.ConfigError
	if errors.As(err, &ce) && ce.Line > 0 {
		// The column counts code points; a config's keys are ASCII, so
		// it serves as the character in either encoding.
		p := Position{Line: ce.Line - 1, Character: max(0, ce.Column-1)}
		d.Range = Range{Start: p, End: p}
	}
	return d
}

func (s *server) open(item textDocumentItem) {
	s.mu.Lock()
	if old := s.docs[item.URI]; old != nil {
		s.stopTimer(old)
	}
	s.docs[item.URI] = &document{version: item.Version, src: []byte(item.Text)}
	s.mu.Unlock()
	s.schedule(item.URI, 0)
}

func (s *server) change(p *didChangeParams) error {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		s.mu.Unlock()
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: "didChange for a document not open: " + p.TextDocument.URI}
	}
	for _, c := range p.ContentChanges {
		if c.Range == nil {
			d.src = []byte(c.Text)
			continue
		}
		t := newText(d.src)
		start, end := t.offset(c.Range.Start, s.encoding), t.offset(c.Range.End, s.encoding)
		end = max(start, end)
		next := make([]byte, 0, len(d.src)-(end-start)+len(c.Text))
		next = append(append(append(next, d.src[:start]...), c.Text...), d.src[end:]...)
		d.src = next
	}
	d.version = p.TextDocument.Version
	s.mu.Unlock()
	s.schedule(p.TextDocument.URI, s.opts.Delay)
	return nil
}

func (s *server) close(uri string) {
	s.mu.Lock()
	if d := s.docs[uri]; d != nil {
		s.stopTimer(d)
	}
	delete(s.docs, uri)
	s.mu.Unlock()
	s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
}

// save checks the document's links over the network in the background,
// through the same path, cache, limits and guard as "citelint links".
func (s *server) save(uri string) {
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil {
		s.mu.Unlock()
		return
	}
	gen, src, version := d.gen, d.src, d.version
	s.mu.Unlock()
	s.jobs.Add(1)
	go func() {
		defer s.jobs.Done()
		s.run(uri, gen, version, src, check.LinksOnline)
	}()
}

// schedule checks uri after delay, replacing a check not yet started.
func (s *server) schedule(uri string, delay time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[uri]
	if d == nil {
		return
	}
	d.gen++
	s.stopTimer(d)
	gen, version, src := d.gen, d.version, d.src
	s.jobs.Add(1)
	d.timer = time.AfterFunc(delay, func() {
		defer s.jobs.Done()
		s.run(uri, gen, version, src, check.LinksOffline)
	})
}

// stopTimer cancels d's pending check; a timer stopped before it fired
// never runs its function, so its job is marked done here.
func (s *server) stopTimer(d *document) {
	if d.timer != nil && d.timer.Stop() {
		s.jobs.Done()
	}
}

// run checks one document and publishes its findings unless the document
// changed meanwhile.
func (s *server) run(uri string, gen, version int, src []byte, links check.LinkMode) {
	if s.ctx.Err() != nil {
		return
	}
	s.mu.Lock()
	opts := check.Options{
		Documents:    []check.Source{{Path: uriPath(uri), Text: src}},
		Links:        links,
		Jobs:         1,
		Version:      s.opts.Version,
		AllowPrivate: s.opts.AllowPrivate,
	}
	if s.config != "" {
		opts.ConfigPath = s.config
	} else {
		opts.Config = &lint.Config{Dir: s.root}
	}
	enc := s.encoding
	s.mu.Unlock()
	res, err := check.Check(s.ctx, opts)
	var diags []lint.Diagnostic
	var out []Diagnostic
	t := newText(src)
	switch {
	case err != nil:
		out = append(out, Diagnostic{Severity: 1, Source: "citelint", Message: "not checked: " + err.Error()})
	default:
		diags = res.Diagnostics
		for _, fe := range res.Errors {
			out = append(out, Diagnostic{Severity: 1, Source: "citelint", Message: fe.Err.Error()})
		}
		for _, d := range diags {
			out = append(out, Diagnostic{
				Range:           Range{Start: t.position(d.Start, enc), End: t.position(d.End, enc)},
				Severity:        severity(d.Severity),
				Code:            d.Rule,
				CodeDescription: &codeDescription{Href: check.RuleDocURL(d.Rule)},
				Source:          "citelint",
				Message:         d.Message,
			})
		}
	}
	if out == nil {
		out = []Diagnostic{}
	}
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil || d.gen != gen {
		s.mu.Unlock()
		return
	}
	d.checked, d.diags = t, diags
	// Publish under the lock, so that an older check's findings never
	// arrive after a newer one's.
	defer s.mu.Unlock()
	s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Version: &version, Diagnostics: out})
}

func (s *server) notify(method string, params any) {
	// The connection starts handling messages before Serve holds it.
	<-s.ready
	_ = s.client.Notify(s.ctx, method, params) // a closed connection ends the session anyway
}

func severity(s lint.Severity) int {
	switch s {
	case lint.Error:
		return 1
	case lint.Warning:
		return 2
	}
	return 3
}

// hover explains the rules of the findings under the cursor.
func (s *server) hover(p *positionParams) *hover {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil || d.checked == nil {
		return nil
	}
	off := d.checked.offset(p.Position, s.encoding)
	var parts []string
	var seen []string
	for _, f := range d.diags {
		if off < f.Start || off > f.End || slices.Contains(seen, f.Rule) {
			continue
		}
		seen = append(seen, f.Rule)
		r := ruleByID(f.Rule)
		if r == nil {
			continue
		}
		parts = append(parts, fmt.Sprintf("**citelint: %s**\n\n%s", r.ID, strings.TrimSpace(r.Documentation())))
	}
	if len(parts) == 0 {
		return nil
	}
	return &hover{Contents: markupContent{Kind: "markdown", Value: strings.Join(parts, "\n\n---\n\n")}}
}

func ruleByID(id string) *lint.Rule {
	for _, r := range rules.All() {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// codeActions offers, for each rule with a finding on the lines of the
// range, the rule's fix where it has a certain one, and a text edit that
// disables the rule on the finding's line.
func (s *server) codeActions(p *codeActionParams) []codeAction {
	s.mu.Lock()
	defer s.mu.Unlock()
	actions := []codeAction{}
	d := s.docs[p.TextDocument.URI]
	if d == nil || d.checked == nil {
		return actions
	}
	t := d.checked
	first, last := p.Range.Start.Line, p.Range.End.Line
	type key struct {
		rule string
		line int
	}
	var seen []key
	for _, f := range d.diags {
		line := t.position(f.Start, s.encoding).Line
		k := key{f.Rule, line}
		if line < first || line > last || slices.Contains(seen, k) {
			continue
		}
		seen = append(seen, k)
		if len(f.Fix) > 0 {
			// The rule's own fix, as text edits: "redirected-link" →
			// the final address, "broken-fragment" → the close anchor.
			var edits []textEdit
			for _, e := range f.Fix {
				edits = append(edits, textEdit{
					Range:   Range{Start: t.position(e.Start, s.encoding), End: t.position(e.End, s.encoding)},
					NewText: e.New,
				})
			}
			actions = append(actions, codeAction{
				Title: "Fix: " + f.Message,
				Kind:  "quickfix",
				Edit:  workspaceEdit{Changes: map[string][]textEdit{p.TextDocument.URI: edits}},
			})
		}
		at := Position{Line: line}
		actions = append(actions, codeAction{
			Title: "Disable " + f.Rule + " on this line",
			Kind:  "quickfix",
			Edit: workspaceEdit{Changes: map[string][]textEdit{p.TextDocument.URI: {{
				Range:   Range{Start: at, End: at},
				NewText: disableLine(t, line, f.Rule),
			}}}},
		})
	}
	return actions
}

// uriPath turns a file URI into a path; anything else is kept as it is.
func uriPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return uri
	}
	return filepath.FromSlash(u.Path)
}

func pathURI(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}
