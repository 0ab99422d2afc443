/*
 * SysV IPC's IPC_64 structs in the kernel's generic layouts (asm-generic/ipcbuf.h,
 * sembuf.h, msgbuf.h, shmbuf.h): struct ipc64_perm, then words of the ABI's size, a
 * 32-bit ABI's times with a high word after each.  x86_64's own sembuf.h has an unused
 * word after each of struct semid64_ds's times (sem_pads); its msg and shm are generic.  Only
 * layouts, checked against the host's headers in ipc64_uapi.c.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "generic.h"

struct ipc64_reader {
	const uint8_t *raw;
	unsigned ws, off;
	bool time_high;
};

static uint64_t rd(const struct ipc64_reader *r, unsigned off, unsigned size)
{
	uint32_t u32;
	uint64_t u64;

	if (size == 8) {
		memcpy(&u64, r->raw + off, 8);
		return u64;
	}
	memcpy(&u32, r->raw + off, 4);
	return u32;
}

static uint64_t word(struct ipc64_reader *r)
{
	uint64_t w = rd(r, r->off, r->ws);

	r->off += r->ws;
	return w;
}

static int64_t time_word(struct ipc64_reader *r)
{
	uint64_t t = word(r);

	if (r->time_high)
		return (int64_t)(t | word(r) << 32);
	return r->ws == 4 ? (int32_t)t : (int64_t)t;
}

static void two_pids(struct ipc64_reader *r, struct ipc64_ds *out)
{
	out->pid[0] = (int32_t)rd(r, r->off, 4);
	out->pid[1] = (int32_t)rd(r, r->off + 4, 4);
	r->off += 8;
}

void ipc64_parse_words(const void *raw, unsigned ws, bool time_high, bool sem_pads, unsigned kind,
		       struct ipc64_ds *out)
{
	struct ipc64_reader r = {raw, ws, 0, time_high};
	uint32_t f[6];

	memset(out, 0, sizeof(*out));
	memcpy(f, raw, sizeof(f));
	out->key = (int32_t)f[0];
	out->uid = f[1], out->gid = f[2], out->cuid = f[3], out->cgid = f[4];
	/* __kernel_mode_t is 16 bits on i386, padded to 32. */
	out->mode = ws == 4 ? (uint16_t)f[5] : f[5];
	/* seq and a pad (u16 each), then two unused words, aligned */
	r.off = (28 + ws - 1) / ws * ws + 2 * ws;
	if (kind == IPC64_SEM) {
		out->time[0] = time_word(&r);
		if (sem_pads)
			word(&r); /* x86_64's __unused1 */
		out->time[1] = time_word(&r);
		if (sem_pads)
			word(&r);
		out->nsems = word(&r);
	} else if (kind == IPC64_MSG) {
		for (unsigned i = 0; i < 3; i++)
			out->time[i] = time_word(&r);
		word(&r); /* msg_cbytes */
		out->qnum = word(&r);
		out->qbytes = word(&r);
		two_pids(&r, out);
	} else {
		out->segsz = word(&r);
		for (unsigned i = 0; i < 3; i++)
			out->time[i] = time_word(&r);
		two_pids(&r, out);
		out->nattch = word(&r);
	}
}

void lp64_ipc64_parse(const void *raw, unsigned kind, struct ipc64_ds *out)
{
	ipc64_parse_words(raw, 8, false, false, kind, out);
}
