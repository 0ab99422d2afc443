/* Socket option values strace shows as structs: struct linger, struct ucred, struct ip_mreq,
 * struct ipv6_mreq, struct group_req, struct sock_fprog. */
#include <linux/if_packet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"
#include "netlink.h"

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
		dec_inet_addr(st_add(v, d->ar, names[i]), d->ar,
			      i ? (const void *)&m.imr_interface : (const void *)&m.imr_multiaddr);
	}
}

/* {inet_pton(AF_INET6, "ff02::fb", &ipv6mr_multiaddr), ipv6mr_interface=if_nametoindex("lo")} */
static void opt_mreq6(struct dctx *d, struct val *v, uint64_t addr)
{
	struct ipv6_mreq m;

	if (!dec_fetch(d, v, addr, &m, sizeof(m)))
		return;
	st_init(v, d->ar, 2);
	dec_inet6_field(st_add(v, d->ar, "ipv6mr_multiaddr"), d->ar, &m.ipv6mr_multiaddr,
			"&ipv6mr_multiaddr");
	nl_ifindex(d, st_add(v, d->ar, "ipv6mr_interface"), m.ipv6mr_interface);
}

/* struct group_req's size in the tracee: its sockaddr_storage is aligned to a word. */
static uint64_t group_req_size(const struct dctx *d)
{
	return d->abi->word_size + sizeof(struct sockaddr_storage);
}

/* {gr_interface=if_nametoindex("lo"), gr_group={sa_family=AF_INET, ...}} */
static void opt_group(struct dctx *d, struct val *v, uint64_t addr)
{
	uint32_t ifindex;

	if (!dec_fetch(d, v, addr, &ifindex, sizeof(ifindex)))
		return;
	st_init(v, d->ar, 2);
	nl_ifindex(d, st_add(v, d->ar, "gr_interface"), ifindex);
	dec_sockaddr(d, st_add(v, d->ar, "gr_group"), addr + d->abi->word_size,
		     sizeof(struct sockaddr_storage));
}

/* {len=3, filter=0x7ffe...}: struct sock_fprog, its instructions not decoded. */
static void opt_fprog(struct dctx *d, struct val *v, uint64_t addr)
{
	unsigned ws = d->abi->word_size;
	uint8_t b[16];

	if (!dec_fetch(d, v, addr, b, 2 * ws))
		return;
	uint16_t len;
	uint64_t filter = 0;
	memcpy(&len, b, sizeof(len));
	memcpy(&filter, b + ws, ws);
	st_init(v, d->ar, 2);
	val_uint(st_add(v, d->ar, "len"), len);
	val_ptr(st_add(v, d->ar, "filter"), filter);
}

/* The structs of the SOL_IPV6 and MCAST_ options and of SO_ATTACH_FILTER: true when v
 * was set.  A length other than the struct's (shorter, or for sock_fprog any other) is the
 * address. */
static bool sockopt_more(struct dctx *d, struct val *v, int level, int name, uint64_t addr,
			 int64_t len)
{
	if (level == SOL_SOCKET && (name == SO_ATTACH_FILTER || name == SO_ATTACH_REUSEPORT_CBPF)) {
		if (len != 2 * (int64_t)d->abi->word_size)
			val_ptr(v, addr);
		else
			opt_fprog(d, v, addr);
		return true;
	}
	if (level == IPPROTO_IPV6 &&
	    (name == IPV6_ADD_MEMBERSHIP || name == IPV6_DROP_MEMBERSHIP)) {
		if (len < (int64_t)sizeof(struct ipv6_mreq))
			val_ptr(v, addr);
		else
			opt_mreq6(d, v, addr);
		return true;
	}
	if ((level == IPPROTO_IP || level == IPPROTO_IPV6) &&
	    (name == MCAST_JOIN_GROUP || name == MCAST_LEAVE_GROUP)) {
		if (len < (int64_t)group_req_size(d))
			val_ptr(v, addr);
		else
			opt_group(d, v, addr);
		return true;
	}
	return false;
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
	/* SO_GET_FILTER's struct sock_filter array: its address. */
	if (level == SOL_SOCKET && name == SO_GET_FILTER && out) {
		val_ptr(v, addr);
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
	return !out && sockopt_more(d, v, level, name, addr, len);
}
