// Package cputime reads the processor time the running process has used,
// for benchmarks that compare two kinds of run on a shared machine: other
// processes stretch a run's wall time, much less the time it computes.
package cputime

import "time"

// Process returns the user and system time the process has used so far,
// over all its threads; 0 where the system does not say.
func Process() time.Duration { return process() }
