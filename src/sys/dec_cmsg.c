/* Control messages: a msghdr's msg_control as strace 6.1 shows it, [{cmsg_len=20,
 * cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[3]}]. */
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"
#include "netlink.h"

/* What one call reads of a control buffer; messages past it end the array with "...". */
enum { CMSG_MAX = 4096 };

static int64_t get_s(const uint8_t *p, unsigned size)
{
	uint64_t x = dec_uint_at(p, size);

	return size == 4 ? (int32_t)x : (int64_t)x;
}

/* cmsg_data=[3, 4]: the descriptors of SCM_RIGHTS. */
static void cmsg_fds(struct dctx *d, struct val *v, const uint8_t *p, uint64_t len)
{
	struct dec_array a;

	dec_array_start(d, &a, v);
	for (uint64_t i = 0; i + 4 <= len; i += 4) {
		struct val *item = dec_array_add(d, &a);
		if (!item)
			return;
		val_fd(item, get_s(p + i, 4));
	}
}

/* n timevals or timespecs of fields of ts bytes; one is a struct, more an array. */
static void cmsg_times(struct dctx *d, struct val *v, const uint8_t *p, uint64_t len, unsigned ts,
		       unsigned n, const char *sub)
{
	if (len < 2 * ts * n)
		return;
	struct val *items = n > 1 ? val_array(v, d->ar, n) : v;
	for (unsigned i = 0; i < n; i++)
		val_time(&items[i], d->ar, get_s(p + 2 * ts * i, ts),
			 (uint64_t)get_s(p + 2 * ts * i + ts, ts) &
				 (ts == 4 ? UINT32_MAX : UINT64_MAX),
			 sub);
}

static void cmsg_creds(struct dctx *d, struct val *v, const uint8_t *p, uint64_t len)
{
	if (len < 12)
		return;
	st_init(v, d->ar, 3);
	val_pid(st_add(v, d->ar, "pid"), get_s(p, 4));
	val_int(st_add(v, d->ar, "uid"), get_s(p + 4, 4));
	val_int(st_add(v, d->ar, "gid"), get_s(p + 8, 4));
}

/* SOL_SOCKET's data; v stays VAL_NONE (no cmsg_data) where strace shows none. */
static void scm_data(struct dctx *d, struct val *v, int type, const uint8_t *p, uint64_t len)
{
	unsigned ws = d->abi->word_size;

	switch (type) {
	case SCM_RIGHTS:
		if (len >= 4)
			cmsg_fds(d, v, p, len);
		break;
	case SCM_CREDENTIALS:
		cmsg_creds(d, v, p, len);
		break;
	case SO_TIMESTAMP_OLD:
		cmsg_times(d, v, p, len, ws, 1, "tv_usec");
		break;
	case SO_TIMESTAMPNS_OLD:
		cmsg_times(d, v, p, len, ws, 1, "tv_nsec");
		break;
	case SO_TIMESTAMPING_OLD:
		cmsg_times(d, v, p, len, ws, 3, "tv_nsec");
		break;
	case SO_TIMESTAMP_NEW:
		cmsg_times(d, v, p, len, 8, 1, "tv_usec");
		break;
	case SO_TIMESTAMPNS_NEW:
		cmsg_times(d, v, p, len, 8, 1, "tv_nsec");
		break;
	case SO_TIMESTAMPING_NEW:
		cmsg_times(d, v, p, len, 8, 3, "tv_nsec");
		break;
	}
}

static void ip_pktinfo(struct dctx *d, struct val *v, const uint8_t *p)
{
	st_init(v, d->ar, 3);
	nl_ifindex(d, st_add(v, d->ar, "ipi_ifindex"), dec_uint_at(p, 4));
	const char *names[2] = {"ipi_spec_dst", "ipi_addr"};
	for (unsigned i = 0; i < 2; i++) {
		dec_inet_addr(st_add(v, d->ar, names[i]), d->ar, p + 4 + 4 * i);
	}
}

/* IP_RECVERR's struct sock_extended_err, the offender's address after it (daddr is the
 * data's address in the tracee). */
static void ip_recverr(struct dctx *d, struct val *v, const uint8_t *p, uint64_t len,
		       uint64_t daddr)
{
	static const char *const names[] = {"ee_origin", "ee_type", "ee_code"};
	enum { EE_SIZE = 16 };

	if (len < EE_SIZE)
		return;
	st_init(v, d->ar, 7);
	val_uint(st_add(v, d->ar, "ee_errno"), dec_uint_at(p, 4));
	for (unsigned i = 0; i < 3; i++)
		val_uint(st_add(v, d->ar, names[i]), p[4 + i]);
	val_uint(st_add(v, d->ar, "ee_info"), dec_uint_at(p + 8, 4));
	val_uint(st_add(v, d->ar, "ee_data"), dec_uint_at(p + 12, 4));
	if (len > EE_SIZE)
		dec_sockaddr(d, st_add(v, d->ar, "offender"), daddr + EE_SIZE, len - EE_SIZE);
}

/* SOL_IP's data: IP_TTL an int, IP_TOS its bytes, IP_PKTINFO a struct in_pktinfo,
 * IP_RECVERR a struct sock_extended_err, IP_ORIGDSTADDR a struct sockaddr_in. */
static void ip_data(struct dctx *d, struct val *v, int type, const uint8_t *p, uint64_t len,
		    uint64_t daddr)
{
	switch (type) {
	case IP_TTL:
		if (len >= 4)
			val_int(val_array(v, d->ar, 1), get_s(p, 4));
		break;
	case IP_TOS: {
		struct val *items = val_array(v, d->ar, (uint32_t)len);
		for (uint64_t i = 0; i < len; i++)
			val_hex(&items[i], p[i]);
		break;
	}
	case IP_PKTINFO:
		if (len >= sizeof(struct in_pktinfo))
			ip_pktinfo(d, v, p);
		break;
	case IP_RECVERR:
		ip_recverr(d, v, p, len, daddr);
		break;
	case IP_ORIGDSTADDR:
		if (len)
			dec_sockaddr(d, v, daddr, len);
		break;
	}
}

/* One message: its header and, where strace decodes it, len bytes of data at p (at daddr
 * in the tracee). */
static void cmsg_one(struct dctx *d, struct val *v, uint64_t clen, int level, int type,
		     const uint8_t *p, uint64_t len, uint64_t daddr)
{
	struct val data = {0};

	st_init(v, d->ar, 4);
	val_uint(st_add(v, d->ar, "cmsg_len"), clen);
	val_enum(st_add(v, d->ar, "cmsg_level"), (uint32_t)level, &xl_sockopt_levels);
	struct val *tv = st_add(v, d->ar, "cmsg_type");
	if (level == SOL_SOCKET) {
		val_enum(tv, (uint32_t)type, &xl_scm_types);
		scm_data(d, &data, type, p, len);
	} else if (level == SOL_IP) {
		val_enum(tv, (uint32_t)type, &xl_ip_cmsg_types);
		ip_data(d, &data, type, p, len, daddr);
	} else {
		val_hex(tv, (uint32_t)type);
	}
	if (data.kind != VAL_NONE && len)
		*st_add(v, d->ar, "cmsg_data") = data;
}

void dec_cmsgs(struct dctx *d, struct val *v, uint64_t addr, uint64_t len)
{
	unsigned ws = d->abi->word_size, hdr = ws + 8;
	uint8_t buf[CMSG_MAX];
	uint64_t size = len < CMSG_MAX ? len : CMSG_MAX;
	struct dec_array a;
	uint64_t off = 0;

	if (len < hdr || !dec_fetch(d, v, addr, buf, size)) {
		val_ptr(v, addr);
		return;
	}
	dec_array_start(d, &a, v);
	while (off + hdr <= size) {
		uint64_t clen = dec_uint_at(buf + off, ws);
		struct val *item = dec_array_add(d, &a);
		if (!item)
			return;
		uint64_t end = clen < size - off ? clen : size - off;
		cmsg_one(d, item, clen, (int)get_s(buf + off + ws, 4),
			 (int)get_s(buf + off + ws + 4, 4), buf + off + hdr,
			 end > hdr ? end - hdr : 0, addr + off + hdr);
		/* strace stops at a message shorter than its header: what follows the header,
		 * when there is more, is "... / * its address * /". */
		if (clen < hdr) {
			if (off + hdr < size)
				dec_array_unread(d, &a, v->n, addr + off + hdr);
			return;
		}
		off += (clen + ws - 1) / ws * ws;
	}
	/* Bytes after the last message, too few for a header: "... / * their address * /". */
	if (off < size)
		dec_array_unread(d, &a, v->n, addr + off);
	if (len > size)
		v->flags |= VALF_TRUNC;
}
