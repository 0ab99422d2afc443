/* Socket option values strace shows as structs: struct linger, struct ucred, struct ip_mreq. */
#include <linux/if_packet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "decoders.h"

/* Fields of 4 bytes each, in order, signed: strace prints an unset uid as -1. */
struct opt_field {
	const char *name;
	bool pid;
};

static const struct opt_field linger_fields[] = {{"l_onoff", false}, {"l_linger", false}};
static const struct opt_field ucred_fields[] = {{"pid", true}, {"uid", false}, {"gid", false}};

/* The int fields of the first len bytes (getsockopt shows those the kernel wrote). */
static void opt_ints(struct dctx *d, struct val *v, uint64_t addr, uint64_t len,
		     const struct opt_field *f, unsigned nf)
{
	int32_t x[4];
	unsigned n = (unsigned)(len / 4 < nf ? len / 4 : nf);

	if (!dec_fetch(d, v, addr, x, n * 4))
		return;
	st_init(v, d->ar, n);
	for (unsigned i = 0; i < n; i++) {
		struct val *fv = st_add(v, d->ar, f[i].name);
		if (f[i].pid)
			val_pid(fv, x[i]);
		else
			val_int(fv, x[i]);
	}
}

static void opt_mreq(struct dctx *d, struct val *v, uint64_t addr)
{
	struct ip_mreq m;
	const char *names[2] = {"imr_multiaddr", "imr_interface"};

	if (!dec_fetch(d, v, addr, &m, sizeof(m)))
		return;
	st_init(v, d->ar, 2);
	for (unsigned i = 0; i < 2; i++) {
		struct val *a = st_add(v, d->ar, names[i]);
		val_call(a, d->ar, "inet_addr", 1);
		val_ipaddr(val_field(a, d->ar, 0, "addr"), d->ar,
			   i ? (const void *)&m.imr_interface : (const void *)&m.imr_multiaddr, 4);
	}
}

/*
 * The value of option (level, name) of len bytes at addr, when strace shows it as a struct:
 * true when v was set.  setsockopt's shorter than the struct is its address; getsockopt's
 * (out) the fields the kernel wrote.
 */
bool dec_sockopt_struct(struct dctx *d, struct val *v, int level, int name, uint64_t addr,
			int64_t len, bool out)
{
	if (len <= 0)
		return false;
	/* struct packet_mreq and struct tpacket_req: not decoded, their address (strace
	 * shows one too when the length is not the struct's). */
	if (level == SOL_PACKET &&
	    (name == PACKET_ADD_MEMBERSHIP || name == PACKET_DROP_MEMBERSHIP ||
	     name == PACKET_RX_RING || name == PACKET_TX_RING)) {
		val_ptr(v, addr);
		return true;
	}
	if (level == SOL_SOCKET && name == SO_LINGER) {
		if (!out && len < 8)
			val_ptr(v, addr);
		else
			opt_ints(d, v, addr, (uint64_t)len, linger_fields, 2);
		return true;
	}
	if (level == SOL_SOCKET && name == SO_PEERCRED && out) {
		opt_ints(d, v, addr, (uint64_t)len, ucred_fields, 3);
		return true;
	}
	if (level == IPPROTO_IP && (name == IP_ADD_MEMBERSHIP || name == IP_DROP_MEMBERSHIP)) {
		if (len < (int64_t)sizeof(struct ip_mreq))
			val_ptr(v, addr);
		else
			opt_mreq(d, v, addr);
		return true;
	}
	return false;
}
