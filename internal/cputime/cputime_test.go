package cputime

import (
	"runtime"
	"testing"
	"time"
)

// TestProcessGrows checks that computing shows as processor time: a loop
// that runs until 20 ms of it are counted ends well before its deadline,
// however busy the machine, and the time never runs backwards.
func TestProcessGrows(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("no process times on", runtime.GOOS)
	}
	before := Process()
	if before <= 0 {
		t.Fatalf("processor time %v at the start of a test, want more than 0", before)
	}
	deadline := time.Now().Add(10 * time.Second)
	last := before
	for last-before < 20*time.Millisecond {
		now := Process()
		if now < last {
			t.Fatalf("processor time went back from %v to %v", last, now)
		}
		last = now
		if time.Now().After(deadline) {
			t.Fatalf("processor time grew by %v in 10 s of a busy loop, want 20 ms", last-before)
		}
	}
}
