package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// frame wraps a JSON-RPC message as the Language Server Protocol sends it.
func frame(msg string) string {
	return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(msg), msg)
}

func TestLSPCommandServesStdio(t *testing.T) {
	in := frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-8"]}}}}`) +
		frame(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`) +
		frame(`{"jsonrpc":"2.0","method":"exit"}`)
	var out, errOut bytes.Buffer
	code := run([]string{"citelint", "lsp", "--stdio"}, strings.NewReader(in), &out, &errOut)
	if code != exitClean || errOut.Len() != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut.String())
	}
	for _, want := range []string{`"id":1,"result":{"capabilities":{"positionEncoding":"utf-8","textDocumentSync":{"openClose":true,"change":2,"save":true},"hoverProvider":true,"codeActionProvider":true}`, `"id":2,"result":null`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %s:\n%s", want, out.String())
		}
	}
}

func TestLSPCommandRejectsNegativeDelay(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"citelint", "lsp", "--delay", "-1s"}, strings.NewReader(""), &out, &errOut)
	if code != exitError || errOut.String() != "citelint: --delay must not be negative: write a duration such as 150ms\n" {
		t.Fatalf("exit %d, stderr %q", code, errOut.String())
	}
}
