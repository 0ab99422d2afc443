/* Sockets: addresses, messages and options. */
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"

/* A number in network order, as strace writes it: htons(9), htonl(0). */
static void val_net_number(struct val *v, struct arena *a, const char *fn, const char *name,
			   uint64_t host_order)
{
	val_call(v, a, fn, 1);
	val_uint(val_field(v, a, 0, name), host_order);
	v->raw = VAL_RAW_NETBYTES;
	v->call.num = fn[4] == 's' ? 2 : 4; /* htons or htonl */
}

static void sockaddr_in(struct dctx *d, struct val *v, const struct sockaddr_in *sin)
{
	val_net_number(st_add(v, d->ar, "sin_port"), d->ar, "htons", "port", ntohs(sin->sin_port));
	dec_inet_addr(st_add(v, d->ar, "sin_addr"), d->ar, &sin->sin_addr);
}

/* strace prints the address as a call with no field name: inet_pton(AF_INET6, "::1", &sin6_addr).
 */
static void sockaddr_in6(struct dctx *d, struct val *v, const struct sockaddr_in6 *s6)
{
	val_net_number(st_add(v, d->ar, "sin6_port"), d->ar, "htons", "port", ntohs(s6->sin6_port));
	val_net_number(st_add(v, d->ar, "sin6_flowinfo"), d->ar, "htonl", "flowinfo",
		       ntohl(s6->sin6_flowinfo));
	dec_inet6_field(st_add(v, d->ar, "sin6_addr"), d->ar, &s6->sin6_addr, "&sin6_addr");
	val_uint(st_add(v, d->ar, "sin6_scope_id"), s6->sin6_scope_id);
}

static void sockaddr_un(struct dctx *d, struct val *v, const struct sockaddr_un *sun, size_t len)
{
	size_t off = offsetof(struct sockaddr_un, sun_path);

	if (len <= off)
		return;
	size_t plen = strnlen(sun->sun_path, len - off);
	struct val *path = st_add(v, d->ar, "sun_path");
	/* An abstract address starts with a NUL and is not NUL-terminated: @"name". */
	if (plen == 0 && len > off + 1) {
		val_str(path, d->ar, sun->sun_path + 1, (uint32_t)(len - off - 1), false);
		path->flags |= VALF_ABSTRACT;
		return;
	}
	val_str(path, d->ar, sun->sun_path, (uint32_t)plen, false);
}

static void sockaddr_nl(struct dctx *d, struct val *v, const struct sockaddr_nl *nl)
{
	val_uint(st_add(v, d->ar, "nl_pid"), nl->nl_pid);
	struct val *groups = st_add(v, d->ar, "nl_groups");
	val_hex_width(groups, nl->nl_groups, 8, true); /* strace's %#08x */
	groups->flags |= VALF_NUM;
}

void dec_sockaddr(struct dctx *d, struct val *v, uint64_t addr, uint64_t len)
{
	struct sockaddr_storage ss;

	memset(&ss, 0, sizeof(ss));
	if (len > sizeof(ss))
		len = sizeof(ss);
	if (!addr || len < sizeof(ss.ss_family) || !dec_fetch(d, v, addr, &ss, len)) {
		val_ptr(v, addr);
		return;
	}
	st_init(v, d->ar, 6);
	val_enum(st_add(v, d->ar, "sa_family"), ss.ss_family, &xl_address_families);
	if (ss.ss_family == AF_INET && len >= sizeof(struct sockaddr_in))
		sockaddr_in(d, v, (const struct sockaddr_in *)&ss);
	else if (ss.ss_family == AF_INET6 && len >= sizeof(struct sockaddr_in6))
		sockaddr_in6(d, v, (const struct sockaddr_in6 *)&ss);
	else if (ss.ss_family == AF_UNIX)
		sockaddr_un(d, v, (const struct sockaddr_un *)&ss, len);
	else if (ss.ss_family == AF_NETLINK && len >= sizeof(struct sockaddr_nl))
		sockaddr_nl(d, v, (const struct sockaddr_nl *)&ss);
	else if (len > sizeof(ss.ss_family))
		val_str(st_add(v, d->ar, "sa_data"), d->ar,
			(const char *)&ss + sizeof(ss.ss_family),
			(uint32_t)(len - sizeof(ss.ss_family)), false);
}

static void dec_socket_type(struct dctx *d, struct val *v, uint32_t type)
{
	/* The type is the low bits up to the highest type's; flags are the rest. */
	uint32_t mask = 1;
	while (mask <= SOCK_PACKET)
		mask <<= 1;
	uint32_t base = type & (mask - 1), fl = type & ~(mask - 1);
	struct val *items = val_or(v, d->ar, fl ? 2 : 1);

	v->raw = VAL_RAW_PARTS;
	val_enum(&items[0], base, &xl_socket_types);
	items[0].flags |= VALF_HEXFLAGS;
	if (fl)
		val_flags(&items[1], fl, &xl_socket_flags);
}

static void socket_common(struct dctx *d, struct sc_event *ev)
{
	int64_t af = arg_int(ev, 0);

	dec_socket_type(d, &ev->args[1], (uint32_t)ev->raw[1]);
	if (af == AF_INET || af == AF_INET6) {
		val_enum(&ev->args[2], (uint32_t)ev->raw[2], &xl_inet_protocols);
	} else if (af == AF_NETLINK) {
		val_enum(&ev->args[2], (uint32_t)ev->raw[2], &xl_netlink_protocols);
		ev->args[2].flags |= VALF_HEXFLAGS;
	}
}

void dec_socket(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		socket_common(d, ev);
}

void dec_socketpair(struct dctx *d, struct sc_event *ev, bool exiting)
{
	int32_t fds[2];
	struct val *v = &ev->args[3];

	if (!exiting) {
		socket_common(d, ev);
		return;
	}
	if (!dec_ok(ev) || !dec_fetch(d, v, arg_word(d, ev, 3), fds, sizeof(fds)))
		return;
	struct val *items = val_array(v, d->ar, 2);
	val_fd(&items[0], fds[0]);
	val_fd(&items[1], fds[1]);
}

void dec_socklen_exit(struct dctx *d, struct val *v, const struct val *in, int32_t out)
{
	struct val *item = val_array(v, d->ar, 1);

	if (in->kind == VAL_ARRAY && in->items[0].i != out) {
		struct val got;
		val_int(&got, out);
		val_change(item, d->ar, &in->items[0], &got);
	} else {
		val_int(item, out);
	}
}

void dec_sockaddr_out(struct dctx *d, struct val *v, uint64_t addr, const struct val *in,
		      int32_t len)
{
	/* The kernel reports the full length even when it wrote less: the room given. */
	if (in->kind == VAL_ARRAY && in->items[0].i < len)
		len = (int32_t)in->items[0].i;
	dec_sockaddr(d, v, addr, (uint32_t)len);
}

/* accept, accept4, getsockname, getpeername: (fd, addr, &len). */
void dec_accept(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t addr = arg_word(d, ev, 1), lenp = arg_word(d, ev, 2);

	if (!exiting) {
		dec_int_ref(d, &ev->args[2], lenp);
		return;
	}
	struct val in = ev->args[2];
	if (!dec_ok(ev)) {
		ev->args[2] = in;
		return;
	}
	int32_t len;
	if (!lenp)
		return;
	if (tmem_read(d->mem, lenp, &len, sizeof(len)) < 0) {
		val_ptr(&ev->args[2], lenp);
		return;
	}
	if (addr)
		dec_sockaddr_out(d, &ev->args[1], addr, &in, len);
	dec_socklen_exit(d, &ev->args[2], &in, len);
}
