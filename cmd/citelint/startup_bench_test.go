package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkStartup runs the built binary as a writer's editor or hook does
// on each save: printing its version (start-up alone), and checking one
// short draft offline, whose finding's line holds a curly apostrophe (the
// text output measures its width). Start-up is most of such a run: the
// packages' initialisation (the lexicon's parse, compiled patterns, the
// rules' documentation) is paid before any draft is read.
func BenchmarkStartup(b *testing.B) {
	dir := b.TempDir()
	draft := filepath.Join(dir, "draft.md")
	if err := os.WriteFile(draft, []byte("# Notes\n\nThe council’s survey counted 1,400 households last year.\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		args []string
	}{
		{"version", []string{"--version"}},
		{"one-draft", []string{"--offline", "--color", "never", draft}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				cmd := exec.Command(binary, bc.args...)
				cmd.Dir = dir
				out, err := cmd.Output()
				if len(out) == 0 || (err != nil && bc.name == "version") {
					b.Fatalf("%v: %v %q", bc.args, err, out)
				}
			}
		})
	}
}
