package eval

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPolnearScript runs scripts/polnear.sh on a made-up PolNeAR
// repository: it copies train and dev text and attributions, never
// data/test or corenlp, and refuses a destination inside this repository.
func TestPolnearScript(t *testing.T) {
	for _, tool := range []string{"bash", "git", "tar"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	src := t.TempDir()
	for _, f := range []string{
		"data/train/text/a.txt", "data/train/attributions/a_1.ann", "data/dev/text/b.txt",
		"data/dev/attributions/b_1.ann", "data/dev/corenlp/b.xml", "data/test/text/c.txt",
		"data/test/attributions/c_1.ann",
	} {
		writeFile(t, filepath.Join(src, f), "made-up "+f+"\n")
	}
	git := func(args ...string) {
		cmd := exec.Command("git", append([]string{"-C", src, "-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-qm", "fixture")

	script, err := filepath.Abs("../scripts/polnear.sh")
	if err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "polnear")
	cmd := exec.Command("bash", script, dest)
	cmd.Env = append(os.Environ(), "CITELINT_POLNEAR_GIT="+src)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("polnear.sh: %v\n%s", err, out)
	}
	var got []string
	err = filepath.Walk(dest, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			rel, _ := filepath.Rel(dest, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "COMMIT data/dev/attributions/b_1.ann data/dev/text/b.txt data/train/attributions/a_1.ann data/train/text/a.txt"
	if strings.Join(got, " ") != want {
		t.Errorf("copied %v, want %s", got, want)
	}

	inside, err := filepath.Abs("testdata-polnear")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(inside)
	cmd = exec.Command("bash", script, inside)
	cmd.Env = append(os.Environ(), "CITELINT_POLNEAR_GIT="+src)
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 2 || !strings.Contains(string(out), "is inside the repository; PolNeAR's text is copyrighted and must stay outside it") {
		t.Errorf("destination inside the repository: %v\n%s", err, out)
	}
	if _, err := os.Stat(inside); !os.IsNotExist(err) {
		t.Errorf("created %s inside the repository (%v)", inside, err)
	}
}
