package prose

import "testing"

func TestDebugTwo(t *testing.T) {
	show(`A list introduces it, or names a report or survey and so points at a sourced paragraph before it.`)
}
