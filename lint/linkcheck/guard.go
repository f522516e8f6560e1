package linkcheck

import (
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// forbiddenAddressError is the error of a dial the address guard refused.
type forbiddenAddressError struct {
	addr netip.Addr
}

func (e *forbiddenAddressError) Error() string {
	return "address " + e.addr.String() + " is not allowed"
}

// addressGuard refuses connections to addresses a link checker has no
// business reaching: a public name may resolve to 127.0.0.1 or to a cloud
// metadata service, so the check is made on the address being dialled.
type addressGuard struct {
	// extra lists blocked ranges that netip.Addr has no predicate for.
	extra []netip.Prefix
}

func newAddressGuard() *addressGuard {
	return &addressGuard{extra: []netip.Prefix{
		netip.MustParsePrefix("0.0.0.0/8"),     // "this network"
		netip.MustParsePrefix("100.64.0.0/10"), // shared address space (CGNAT)
		netip.MustParsePrefix("192.0.0.0/24"),  // IETF protocol assignments
		netip.MustParsePrefix("198.18.0.0/15"), // benchmarking
		netip.MustParsePrefix("240.0.0.0/4"),   // reserved, and broadcast
		netip.MustParsePrefix("64:ff9b::/96"),  // NAT64: may embed a private IPv4 address
	}}
}

// allowed reports whether addr may be connected to. Private covers
// 10/8, 172.16/12, 192.168/16 and unique-local fc00::/7 (which holds AWS's
// fd00:ec2::254); link-local covers 169.254/16 (cloud metadata) and fe80::/10.
func (g *addressGuard) allowed(addr netip.Addr) bool {
	addr = addr.Unmap()
	if addr.IsLoopback() || addr.IsPrivate() || addr.IsLinkLocalUnicast() ||
		addr.IsLinkLocalMulticast() || addr.IsInterfaceLocalMulticast() ||
		addr.IsMulticast() || addr.IsUnspecified() {
		return false
	}
	for _, p := range g.extra {
		if p.Contains(addr) {
			return false
		}
	}
	return true
}

// control is a net.Dialer Control function: it runs after name resolution,
// before connecting, with the numeric address.
func (g *addressGuard) control(_, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("address guard: %w", err)
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("address guard: %w", err)
	}
	if !g.allowed(addr) {
		return &forbiddenAddressError{addr: addr}
	}
	return nil
}
