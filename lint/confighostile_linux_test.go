package lint

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestHostileConfigs parses each hostile config in a child process, so
// that a regression shows as a failure (over time, over memory) rather
// than as a test run killed for want of memory, and checks the exact
// message, the time and the peak resident memory of each.
func TestHostileConfigs(t *testing.T) {
	if testing.Short() {
		t.Skip("hostile configs skipped in -short mode")
	}
	const timeLimit = 20 * time.Second
	memLimitKB := int64(200 << 10) // 200 MB
	if raceEnabled {
		memLimitKB *= 10
	}
	depth := func(at string) string {
		return "config hostile.yml:" + at + ": nested more than 64 levels deep here, the limit for a config file (a citelint config nests four or five); if this really is the config, raise the limit with CITELINT_MAX_CONFIG_DEPTH=<levels>"
	}
	values := func(at string) string {
		return "config hostile.yml:" + at + ": the config stands for more than 100000 values by here (an alias counts the values it repeats), the limit for a config file; if this really is the config, raise the limit with CITELINT_MAX_CONFIG_VALUES=<values>"
	}
	want := map[string]string{
		"flow sequences":                               depth("1:72"),
		"flow mappings":                                depth("1:260"),
		"block sequences on one line":                  depth("2:127"),
		"block mappings by indentation":                depth("65:65"),
		"a quote in a plain scalar before the nesting": depth("1:78"),
		"billion laughs in sequences":                  values("6:45"),
		"billion laughs in mappings with merge keys":   values("6:43"),
		"300 KB of comments":                           "config hostile.yml:5243:45: the file goes on past 256 KiB, the limit for a config file (a citelint config is a few lines); if this really is the config, raise the limit with CITELINT_MAX_CONFIG_BYTES=<bytes>",
		"one string of 250 KB":                         "",
	}
	for name := range hostileConfigs {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), timeLimit)
			defer cancel()
			cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHostileConfigChild$")
			cmd.Env = append(os.Environ(), "CITELINT_HOSTILE_CONFIG="+name)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			start := time.Now()
			err := cmd.Run()
			took := time.Since(start)
			if ctx.Err() != nil {
				t.Fatalf("not done after %v", timeLimit)
			}
			if err != nil {
				t.Fatalf("child failed (%v): %s", err, out.Bytes()[:min(out.Len(), 2000)])
			}
			rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss
			t.Logf("%v, peak RSS %d KB", took.Round(time.Millisecond), rss)
			if rss > memLimitKB {
				t.Errorf("peak RSS %d KB, over %d KB", rss, memLimitKB)
			}
			got, _, _ := strings.Cut(strings.TrimPrefix(out.String(), "error: "), "\n")
			if got != want[name] {
				t.Errorf("got  %s\nwant %s", got, want[name])
			}
		})
	}
}

// TestHostileConfigChild parses the hostile config its parent names, and
// prints the error, if any, on its first line.
func TestHostileConfigChild(t *testing.T) {
	name := os.Getenv("CITELINT_HOSTILE_CONFIG")
	if name == "" {
		t.Skip("run by TestHostileConfigs")
	}
	links := map[string]any{}
	_, err := ParseConfig("hostile.yml", "/", []byte(hostileConfigs[name](1)), configRules, map[string]any{"links": &links})
	if err != nil {
		fmt.Printf("error: %v\n", err)
	} else {
		fmt.Println()
	}
}
