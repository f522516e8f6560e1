package eval

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

func TestGoldCues(t *testing.T) {
	root, _ := PolnearDir()
	names, _ := PolnearDocs(root, "train")
	m := map[string]int{}
	for _, n := range names {
		d, _ := ReadPolnearDoc(root, n)
		for _, a := range d.Attributions {
			m[strings.ToLower(a.CueText)]++
		}
	}
	type kv struct{ k string; v int }
	var kvs []kv
	for k, v := range m { kvs = append(kvs, kv{k, v}) }
	sort.Slice(kvs, func(i, j int) bool { return kvs[i].v > kvs[j].v })
	for _, x := range kvs[:150] { fmt.Printf("%d %q\n", x.v, x.k) }
}
