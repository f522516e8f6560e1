package linkcheck

import (
	"context"
	"net/netip"
	"strings"
	"testing"
)

func TestAddressGuardFollowsTheIANARegistries(t *testing.T) {
	g := newAddressGuard()
	for _, tc := range []struct {
		addr  string
		allow bool
		why   string
	}{
		{"93.184.215.14", true, "global IPv4"},
		{"2606:4700::1111", true, "global IPv6"},
		{"192.0.0.9", true, "PCP anycast, globally reachable per the registry"},
		{"192.31.196.1", true, "AS112, globally reachable"},
		{"2001:4:112::1", true, "AS112-v6, globally reachable"},
		{"::ffff:93.184.215.14", true, "IPv4-mapped global address"},
		{"64:ff9b::5db8:d70e", true, "well-known NAT64 of a global IPv4"},

		{"0.0.0.0", false, "this network"},
		{"0.1.2.3", false, "this network"},
		{"10.1.2.3", false, "private"},
		{"100.64.0.1", false, "shared (CGNAT)"},
		{"127.0.0.1", false, "loopback"},
		{"169.254.169.254", false, "link-local, cloud metadata"},
		{"172.16.0.1", false, "private"},
		{"192.0.0.1", false, "IETF protocol assignments"},
		{"192.0.0.170", false, "NAT64 discovery"},
		{"192.0.2.1", false, "documentation TEST-NET-1"},
		{"192.88.99.1", false, "6to4 relay anycast"},
		{"192.168.1.1", false, "private"},
		{"198.18.0.1", false, "benchmarking"},
		{"198.19.255.255", false, "benchmarking"},
		{"198.51.100.7", false, "documentation TEST-NET-2"},
		{"203.0.113.9", false, "documentation TEST-NET-3"},
		{"224.0.0.1", false, "multicast"},
		{"240.0.0.1", false, "reserved"},
		{"255.255.255.255", false, "broadcast"},

		{"::", false, "unspecified"},
		{"::1", false, "loopback"},
		{"::127.0.0.1", false, "IPv4-compatible (deprecated)"},
		{"::93.184.215.14", false, "IPv4-compatible, even of a global address"},
		{"::ffff:127.0.0.1", false, "IPv4-mapped loopback"},
		{"::ffff:0:7f00:1", false, "IPv4-translated loopback"},
		{"::ffff:0:5db8:d70e", false, "IPv4-translated, even of a global address"},
		{"64:ff9b::a00:1", false, "well-known NAT64 of a private IPv4"},
		{"64:ff9b::7f00:1", false, "well-known NAT64 of loopback"},
		{"64:ff9b:1::5db8:d70e", false, "local-use NAT64"},
		{"100::1", false, "discard-only"},
		{"2001::1", false, "Teredo"},
		{"2001:2::1", false, "benchmarking"},
		{"2001:10::1", false, "deprecated ORCHID"},
		{"2001:db8::1", false, "documentation"},
		{"2002:7f00:1::1", false, "6to4 wrapping loopback"},
		{"2002:5db8:d70e::1", false, "6to4, refused whole"},
		{"3fff::1", false, "documentation (RFC 9637)"},
		{"5f00::1", false, "SRv6 SIDs"},
		{"fc00::1", false, "unique-local"},
		{"fd00:ec2::254", false, "AWS metadata over IPv6"},
		{"fe80::1", false, "link-local"},
		{"fe80::1%eth0", false, "link-local with a zone"},
		{"fec0::1", false, "deprecated site-local"},
		{"ff02::1", false, "multicast"},
	} {
		if got := g.allowed(netip.MustParseAddr(tc.addr)); got != tc.allow {
			t.Errorf("allowed(%s) = %v, want %v (%s)", tc.addr, got, tc.allow, tc.why)
		}
	}
}

func TestNumericIPv4Host(t *testing.T) {
	for _, tc := range []struct {
		host string
		want string // "" when not a numeric host
	}{
		{"127.0.0.1", "127.0.0.1"},
		{"127.1", "127.0.0.1"},
		{"127.0.1", "127.0.0.1"},
		{"2130706433", "127.0.0.1"},
		{"0", "0.0.0.0"},
		{"0x7f.1", "127.0.0.1"},
		{"0X7F.0.0.1", "127.0.0.1"},
		{"0177.0.0.1", "127.0.0.1"},
		{"017700000001", "127.0.0.1"},
		{"0x7f000001", "127.0.0.1"},
		{"10.0x10203", "10.1.2.3"},
		{"0x", "0.0.0.0"},
		{"127.0.0.1.", "127.0.0.1"},
		{"169.254.43518", "169.254.169.254"},
		{"4294967295", "255.255.255.255"},

		{"4294967296", ""},
		{"256.0.0.1", ""},
		{"1.2.3.256", ""},
		{"1.2.65536", ""},
		{"1.2.3.4.5", ""},
		{"08.1", ""},
		{"0x1g", ""},
		{"example.com", ""},
		{"1.example", ""},
		{"", ""},
		{".", ""},
		{"1..2", ""},
		{"-1", ""},
		{"+1", ""},
		{"1_000", ""},
	} {
		addr, ok := numericIPv4Host(tc.host)
		got := ""
		if ok {
			got = addr.String()
		}
		if got != tc.want {
			t.Errorf("numericIPv4Host(%q) = %q, want %q", tc.host, got, tc.want)
		}
	}
}

func TestNumericHostsAreRefusedAsLocal(t *testing.T) {
	srv := newScenarioServer(t)
	port := srv.URL[strings.LastIndex(srv.URL, ":"):]
	cfg := testConfig()
	cfg.AllowPrivate = false
	cfg.Resolver = failingResolver{}
	urls := []string{"http://127.1" + port + "/ok", "http://2130706433" + port + "/ok", "http://0x7f.1" + port + "/ok", "http://0" + port + "/ok"}
	results, _ := newChecker(t, cfg).Check(context.Background(), urls)
	for _, u := range urls {
		r := results[u]
		if r.Verdict != Skipped || !r.Refused || !strings.Contains(r.Reason, "a private or local address") {
			t.Errorf("%s: got %v %q (refused %v), want refused as local", u, r.Verdict, r.Reason, r.Refused)
		}
	}
	if n := srv.count("/ok"); n != 0 {
		t.Errorf("the guarded server received %d requests", n)
	}

	// Allowed, the numeric forms reach the server as a browser would.
	cfg.AllowPrivate = true
	results, _ = newChecker(t, cfg).Check(context.Background(), urls[:3])
	for _, u := range urls[:3] {
		if r := results[u]; r.Verdict != OK {
			t.Errorf("%s with private addresses allowed: got %v %q", u, r.Verdict, r.Reason)
		}
	}
}
