package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-set", "polnear:test"}, "citelint-eval: polnear:test: PolNeAR's data/test is held out for independent evaluation: the harness never opens, lists or scores it; use train or dev\n"},
		{[]string{"-set", "digitalgov:test"}, "citelint-eval: digitalgov:test: set \"digitalgov:test\": digitalgov's splits are tune, tune2, tune3 and heldout to heldout11\n"},
		{[]string{"-set", "news"}, "citelint-eval: news: set \"news\": write it as corpus:split, one of digitalgov:tune, digitalgov:heldout, polnear:train, polnear:dev\n"},
		{[]string{"-rule", "vague-source"}, "citelint-eval: -rule \"vague-source\": the harness scores uncited-number, unattributed-quote and attribution-model\n"},
		{[]string{"polnear:dev"}, "citelint-eval: unexpected argument \"polnear:dev\": name sets with -set\n"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(c.args, &stdout, &stderr); code != 2 {
			t.Errorf("%v: exit %d, want 2", c.args, code)
		}
		if stderr.String() != c.want || stdout.Len() != 0 {
			t.Errorf("%v: stderr %q, want %q; stdout %q", c.args, stderr.String(), c.want, stdout.String())
		}
	}
}

func TestMaxBytes(t *testing.T) {
	root := t.TempDir()
	name := filepath.Join(root, "data/dev/text/big.txt")
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, "data/dev/attributions"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(strings.Repeat("word ", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "data/dev/attributions/big_ab.ann"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("CITELINT_POLNEAR", root)
	t.Setenv("CITELINT_EVAL_MAX_BYTES", "100")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-set", "polnear:dev", "-rule", "unattributed-quote"}, &stdout, &stderr); code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	want := "citelint-eval: polnear:dev: " + name + " is over 100 bytes (CITELINT_EVAL_MAX_BYTES): not a corpus document\n"
	if stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}
	t.Setenv("CITELINT_EVAL_MAX_BYTES", "0")
	stderr.Reset()
	if code := run(nil, &stdout, &stderr); code != 2 || stderr.String() != "citelint-eval: CITELINT_EVAL_MAX_BYTES=\"0\": give a positive number of bytes\n" {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
}

func TestPrintsTables(t *testing.T) {
	root := t.TempDir()
	for name, content := range map[string]string{
		"data/dev/text/one.txt":              "“Everything about this plan is wrong.”\n",
		"data/dev/attributions/one_ab12.ann": "",
	} {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("CITELINT_POLNEAR", root)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-set", "polnear:dev", "-rule", "unattributed-quote", "-v"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, line := range []string{
		"== polnear:dev ==",
		"unattributed-quote 4+ words, no attribution 1 1 1.000 recall",
		"unattributed-quote attribution removed 0 0 - recall",
		"findings on no quotation: 0",
	} {
		// Columns are aligned with spaces: compare words.
		if !strings.Contains(strings.Join(strings.Fields(stdout.String()), " "), line) {
			t.Errorf("output lacks %q:\n%s", line, stdout.String())
		}
	}
}
