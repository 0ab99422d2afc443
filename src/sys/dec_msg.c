/* Socket data transfer and options. */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>

#include "../../arch/abi.h"

#include "decoders.h"
#include "flags.h"

/* recvfrom(fd, buf, len, flags, addr, &addrlen): all but fd known at exit. */
void dec_recvfrom(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t addr = arg_word(d, ev, 4), lenp = arg_word(d, ev, 5);
	int32_t len;

	if (!exiting) {
		if (addr)
			dec_int_ref(d, &ev->args[5], lenp);
		else /* no address to fill: strace shows the length's address alone */
			val_ptr(&ev->args[5], lenp);
		return;
	}
	struct val in = ev->args[5]; /* with no address, the length's address (entry) */
	if (!dec_ok(ev) || !addr || !lenp) {
		ev->args[5] = in;
		val_ptr(&ev->args[4], addr);
		return;
	}
	if (tmem_read(d->mem, lenp, &len, sizeof(len)) < 0) {
		val_ptr(&ev->args[5], lenp);
		return;
	}
	dec_sockaddr_out(d, &ev->args[4], addr, &in, len);
	dec_socklen_exit(d, &ev->args[5], &in, len);
}

/*
 * strace shows the data of a msghdr as netlink messages when its msg_name is
 * a netlink address and the socket a netlink socket: the protocol, or
 * DEC_NL_NONE.
 */
static int msghdr_nl_proto(struct dctx *d, const struct sc_event *ev, const struct val *name)
{
	if (name->kind != VAL_STRUCT || !name->n || name->fields[0].v->kind != VAL_ENUM ||
	    name->fields[0].v->fl.bits != AF_NETLINK)
		return DEC_NL_NONE;
	return dec_netlink_proto(d, arg_int(ev, 0));
}

/*
 * struct msghdr: every field takes one word slot on both x86 ABIs (ints are
 * padded), in the order name, namelen, iov, iovlen, control, controllen, flags.
 */
enum { MSG_SLOT_IOV = 2, MSG_SLOT_IOVLEN = 3 };

int msghdr_iov(const struct tmem *mem, unsigned ws, uint64_t addr, uint64_t *iov, uint64_t *cnt)
{
	uint64_t w[2] = {0, 0};

	for (unsigned i = 0; i < 2; i++)
		if (!addr || tmem_read(mem, addr + (MSG_SLOT_IOV + i) * ws, &w[i], ws) < 0)
			return -1;
	*iov = ws == 8 ? w[0] : (uint32_t)w[0];
	*cnt = ws == 8 ? w[1] : (uint32_t)w[1];
	return 0;
}

void dec_msghdr(struct dctx *d, const struct sc_event *ev, struct val *v, uint64_t addr,
		uint64_t data_len)
{
	unsigned ws = d->abi->word_size;
	uint64_t f[7];

	for (unsigned i = 0; i < 7; i++) {
		if (!addr || read_word(d, addr + i * ws, &f[i]) < 0) {
			val_ptr(v, addr);
			return;
		}
	}
	uint32_t namelen = (uint32_t)f[1], flags = (uint32_t)f[6];
	st_init(v, d->ar, 7);
	struct val *name = st_add(v, d->ar, "msg_name");
	dec_sockaddr(d, name, f[0], namelen);
	val_uint(st_add(v, d->ar, "msg_namelen"), namelen);
	dec_iovec_nl(d, st_add(v, d->ar, "msg_iov"), f[2], f[3], data_len,
		     msghdr_nl_proto(d, ev, name));
	val_uint(st_add(v, d->ar, "msg_iovlen"), f[3]);
	if (f[5])
		dec_cmsgs(d, st_add(v, d->ar, "msg_control"), f[4], f[5]);
	val_uint(st_add(v, d->ar, "msg_controllen"), f[5]);
	val_flags(st_add(v, d->ar, "msg_flags"), flags, &xl_msg_flags);
}

void dec_sendmsg(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_msghdr(d, ev, &ev->args[1], arg_word(d, ev, 1), UINT64_MAX);
}

/* recvmsg's msg_namelen is value-result: 128 => 16 when the kernel wrote another length
 * (TR_FAILED_OUT: a failed call shows the length given, as strace 6.1 does). */
void dec_recvmsg(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t addr = arg_word(d, ev, 1), w;
	struct val *v = &ev->args[1];

	if (!exiting) { /* the length given, kept in the argument printed only at exit */
		if (addr && read_word(d, addr + d->abi->word_size, &w) == 0)
			val_uint(v, (uint32_t)w);
		return;
	}
	if (!dec_ok(ev)) { /* a failed call shows the length given: {msg_namelen=5} */
		if (v->kind == VAL_UINT) {
			struct val given = *v;
			st_init(v, d->ar, 1);
			*st_add(v, d->ar, "msg_namelen") = given;
		}
		return;
	}
	struct val given = *v;
	dec_msghdr(d, ev, v, addr, (uint64_t)ev->ret);
	if (given.kind != VAL_UINT || v->kind != VAL_STRUCT)
		return;
	for (uint32_t i = 0; i < v->n; i++) {
		struct val *f = v->fields[i].v;
		if (!strcmp(v->fields[i].name, "msg_namelen") && f->u != given.u) {
			struct val got = *f;
			val_change(f, d->ar, &given, &got);
		}
	}
}

static const struct xlat *optname_table(int level)
{
	switch (level) {
	case SOL_SOCKET:
		return &xl_sol_socket_opts;
	case IPPROTO_IP:
		return &xl_sol_ip_opts;
	case IPPROTO_TCP:
		return &xl_sol_tcp_opts;
	case IPPROTO_IPV6:
		return &xl_sol_ipv6_opts;
	case IPPROTO_UDP:
		return &xl_sol_udp_opts;
	case SOL_NETLINK:
		return &xl_sol_netlink_opts;
	case SOL_PACKET:
		return &xl_sol_packet_opts;
	default:
		return NULL;
	}
}

/* An option value: [N] for an int, the bytes otherwise. */
static void dec_optval(struct dctx *d, struct val *v, uint64_t addr, int64_t len)
{
	if (len == 4)
		dec_int_ref(d, v, addr);
	else if (len > 0)
		decode_buf(d, v, addr, (uint64_t)len);
	else
		val_ptr(v, addr);
}

/* The option's name: the netfilter and flow label names first (getsockopt's when get). */
static void sockopt_names(struct sc_event *ev, bool get)
{
	const struct xlat *t = sockopt_nf_table((int)arg_int(ev, 1), (int)arg_int(ev, 2), get);

	if (!t)
		t = optname_table((int)arg_int(ev, 1));

	if (t)
		val_enum(&ev->args[2], (uint32_t)ev->raw[2], t);
}

void dec_setsockopt(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting)
		return;
	sockopt_names(ev, false);
	if (!dec_sockopt_struct(d, &ev->args[3], (int)arg_int(ev, 1), (int)arg_int(ev, 2),
				arg_word(d, ev, 3), arg_int(ev, 4), false))
		dec_optval(d, &ev->args[3], arg_word(d, ev, 3), arg_int(ev, 4));
}

void dec_getsockopt(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t lenp = arg_word(d, ev, 4);
	int32_t len;

	if (!exiting) {
		sockopt_names(ev, true);
		if (arg_int(ev, 1) == SOL_SOCKET && arg_int(ev, 2) == SO_GET_FILTER)
			val_enum(&ev->args[2], SO_GET_FILTER, &xl_sol_socket_getopts);
		dec_int_ref(d, &ev->args[4], lenp);
		return;
	}
	if (!dec_ok(ev))
		return;
	if (!lenp || tmem_read(d->mem, lenp, &len, sizeof(len)) < 0)
		return;
	if (!dec_sockopt_struct(d, &ev->args[3], (int)arg_int(ev, 1), (int)arg_int(ev, 2),
				arg_word(d, ev, 3), len, true))
		dec_optval(d, &ev->args[3], arg_word(d, ev, 3), len);
	struct val in = ev->args[4], outv;
	dec_int_ref(d, &outv, lenp);
	/* [16 => 8]: the length given and the length written, when they differ. */
	if (in.kind == VAL_ARRAY && outv.kind == VAL_ARRAY && in.items[0].i != outv.items[0].i)
		val_change(val_array(&ev->args[4], d->ar, 1), d->ar, &in.items[0], &outv.items[0]);
	else
		ev->args[4] = outv;
}
