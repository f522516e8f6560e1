package linkcheck

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"sync/atomic"
)

// resolvingDialer resolves names with the configured Resolver, then dials
// the addresses one after the other (the address guard, when on, sits in
// the inner dialer's Control and sees each numeric address). It remembers
// whether any name resolved, so that a run in which none did can tell a
// missing network from missing domains.
type resolvingDialer struct {
	resolver Resolver
	dialer   net.Dialer
	// resolved is set once any lookup succeeds.
	resolved atomic.Bool
}

// DialContext is an http.Transport DialContext.
func (d *resolvingDialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(address)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", address, err)
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		return d.dialer.DialContext(ctx, network, net.JoinHostPort(ip.String(), port))
	}
	addrs, err := d.resolver.LookupNetIP(ctx, "ip", host)
	if err == nil && len(addrs) == 0 {
		err = &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}
	}
	if err != nil {
		return nil, &net.OpError{Op: "dial", Net: network, Err: err}
	}
	d.resolved.Store(true)
	var errs []error
	for _, a := range addrs {
		conn, err := d.dialer.DialContext(ctx, network, net.JoinHostPort(a.Unmap().String(), port))
		if err == nil {
			return conn, nil
		}
		errs = append(errs, err)
		if ctx.Err() != nil {
			break
		}
	}
	// The first address's error stands for all: it is the one a reader's
	// browser would most likely meet.
	return nil, errs[0]
}

// lookupWorks reports whether the resolver answers for host: a probe for
// a run in which no link's name resolved.
func (d *resolvingDialer) lookupWorks(ctx context.Context, host string) bool {
	if host == "" {
		return false
	}
	if _, err := netip.ParseAddr(host); err == nil {
		return false // no lookup to learn from
	}
	addrs, err := d.resolver.LookupNetIP(ctx, "ip", host)
	if err == nil && len(addrs) > 0 {
		d.resolved.Store(true)
		return true
	}
	return false
}
