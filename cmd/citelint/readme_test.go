package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The README's runnable examples. A fenced code block whose info string
// holds the word "runnable" is run by TestREADMECommands:
//
//   - "```console runnable": lines starting with "$ " are commands, and the
//     lines after each, up to the next command, are its output (standard
//     output and standard error as they interleave), compared exactly;
//   - "```sh runnable": every line is a command (a "# comment" after it is
//     dropped); only its exit status is checked.
//
// Commands are "citelint ARGS…" or "cat FILE | citelint ARGS…", run
// in-process in a copy of testdata/readme, one block after another, with an
// empty link cache. Each must exit 0 or 1: a runnable example never shows a
// usage error. go test ./cmd/citelint -run README -update rewrites the
// outputs shown (review the diff).

// readmeFolder holds the drafts the README's examples name.
var readmeFolder = filepath.Join("..", "..", "testdata", "readme")

// readmeCommand is one runnable command and the README lines of its output.
type readmeCommand struct {
	line             int    // 1-based README line of the command
	text             string // the command as written, without "$ "
	console          bool   // in a console block: its output is compared
	outFrom, outTill int    // 0-based README lines of the shown output, [from, till)
}

// runnableCommands returns the commands of the runnable blocks in lines.
func runnableCommands(lines []string) ([]readmeCommand, error) {
	var cmds []readmeCommand
	for i := 0; i < len(lines); i++ {
		info, ok := strings.CutPrefix(lines[i], "```")
		if !ok {
			continue
		}
		words := strings.Fields(info)
		end := i + 1
		for end < len(lines) && !strings.HasPrefix(lines[end], "```") {
			end++
		}
		if end == len(lines) {
			return nil, fmt.Errorf("README.md:%d: code block never closed", i+1)
		}
		runnable := false
		for _, w := range words {
			runnable = runnable || w == "runnable"
		}
		if runnable {
			switch words[0] {
			case "console":
				for j := i + 1; j < end; j++ {
					if text, ok := strings.CutPrefix(lines[j], "$ "); ok {
						cmds = append(cmds, readmeCommand{line: j + 1, text: text, console: true, outFrom: j + 1, outTill: j + 1})
					} else if len(cmds) == 0 || cmds[len(cmds)-1].outTill != j {
						return nil, fmt.Errorf("README.md:%d: output before any command in a console block", j+1)
					} else {
						cmds[len(cmds)-1].outTill = j + 1
					}
				}
			case "sh":
				for j := i + 1; j < end; j++ {
					if strings.TrimSpace(lines[j]) != "" {
						cmds = append(cmds, readmeCommand{line: j + 1, text: lines[j]})
					}
				}
			default:
				return nil, fmt.Errorf("README.md:%d: a runnable block is console or sh, not %q", i+1, words[0])
			}
		}
		i = end
	}
	return cmds, nil
}

// shellWords splits a command line as a POSIX shell would for the simple
// commands the README shows: quotes, backslashes, "|" and "# comments".
func shellWords(s string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	flush := func() {
		if inWord {
			words = append(words, w.String())
			w.Reset()
			inWord = false
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			flush()
		case c == '#' && !inWord:
			flush()
			return words, nil
		case c == '|' && !inWord:
			words = append(words, "|")
		case c == '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return nil, errors.New("unclosed single quote")
			}
			w.WriteString(s[i+1 : i+1+j])
			inWord, i = true, i+1+j
		case c == '"':
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' && i+1 < len(s) && strings.IndexByte(`"\$`+"`", s[i+1]) >= 0 {
					i++
				}
				w.WriteByte(s[i])
			}
			if i == len(s) {
				return nil, errors.New("unclosed double quote")
			}
			inWord = true
		case c == '\\' && i+1 < len(s):
			i++
			w.WriteByte(s[i])
			inWord = true
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	flush()
	return words, nil
}

// runREADMECommand runs one command in the current folder and returns its
// exit code and its output, standard error interleaved.
func runREADMECommand(text string) (int, string, error) {
	words, err := shellWords(text)
	if err != nil {
		return 0, "", err
	}
	stdin := ""
	if len(words) > 3 && words[0] == "cat" && words[2] == "|" {
		b, err := os.ReadFile(words[1])
		if err != nil {
			return 0, "", err
		}
		stdin, words = string(b), words[3:]
	}
	if len(words) == 0 || words[0] != "citelint" || strings.Contains(strings.Join(words, " "), "|") {
		return 0, "", fmt.Errorf("the README test runs citelint and \"cat FILE | citelint\" only, not %q", text)
	}
	var out bytes.Buffer
	code := run(words, strings.NewReader(stdin), &out, &out)
	return code, out.String(), nil
}

// copyFolder copies the regular files under src into dst.
func copyFolder(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestREADMECommands(t *testing.T) {
	readme, err := filepath.Abs(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	cmds, err := runnableCommands(lines)
	if err != nil {
		t.Fatal(err)
	}
	if len(cmds) < 5 {
		t.Fatalf("found %d runnable commands in README.md; the examples lost their marker?", len(cmds))
	}
	work := t.TempDir()
	copyFolder(t, readmeFolder, work)
	// A .git folder stops the search for a config at the copy.
	if err := os.Mkdir(filepath.Join(work, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(work)
	t.Setenv("XDG_CACHE_HOME", filepath.Join(t.TempDir(), "cache"))
	t.Setenv("HOME", t.TempDir())
	t.Setenv("NO_COLOR", "1")

	outputs := make(map[int][]string) // README line of a command: the output to show
	for _, c := range cmds {
		code, out, err := runREADMECommand(c.text)
		if err != nil {
			t.Errorf("README.md:%d: %v", c.line, err)
			continue
		}
		if code != exitClean && code != exitFindings {
			t.Errorf("README.md:%d: %s exited %d:\n%s", c.line, c.text, code, out)
		}
		if !c.console {
			continue
		}
		got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if out == "" {
			got = nil
		}
		outputs[c.line] = got
		if shown := lines[c.outFrom:c.outTill]; strings.Join(shown, "\n") != strings.Join(got, "\n") && !*update {
			t.Errorf("README.md:%d: %s prints\n%s\nbut the README shows\n%s\n(go test ./cmd/citelint -run README -update rewrites it; review the diff)",
				c.line, c.text, strings.Join(got, "\n"), strings.Join(shown, "\n"))
		}
	}
	if !*update {
		return
	}
	var b []string
	next := 0
	for _, c := range cmds {
		if !c.console {
			continue
		}
		b = append(b, lines[next:c.outFrom]...)
		b = append(b, outputs[c.line]...)
		next = c.outTill
	}
	b = append(b, lines[next:]...)
	if err := os.WriteFile(readme, []byte(strings.Join(b, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestShellWords(t *testing.T) {
	for in, want := range map[string]string{
		`citelint draft.md   # one file`:                  `citelint|draft.md`,
		`citelint 'posts/**/*.md' --format json`:          `citelint|posts/**/*.md|--format|json`,
		`cat draft.md | citelint - --stdin-filename a.md`: `cat|draft.md|||citelint|-|--stdin-filename|a.md`,
		`citelint "a \"b\" c" x\ y a#b`:                   `citelint|a "b" c|x y|a#b`,
	} {
		got, err := shellWords(in)
		if err != nil || strings.Join(got, "|") != want {
			t.Errorf("shellWords(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := shellWords(`citelint 'open`); err == nil {
		t.Error("an unclosed quote is not an error")
	}
}
