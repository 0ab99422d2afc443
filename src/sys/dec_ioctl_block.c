/*
 * ioctl arguments of block devices (BLK*, <linux/fs.h>), as strace 6.1 shows
 * them: the numbers the kernel writes in brackets at exit ([512]), the ranges
 * BLKDISCARD reads ([4096, 8192]).
 */
#include <linux/fs.h>
#include <stdint.h>

#include "../../arch/abi.h"
#include "decoders.h"

static void blk_int(struct dctx *d, struct val *v, uint64_t arg)
{
	dec_int_ref(d, v, arg);
}

static void blk_ushort(struct dctx *d, struct val *v, uint64_t arg)
{
	uint16_t x;

	if (dec_fetch(d, v, arg, &x, sizeof(x)))
		val_uint(val_array(v, d->ar, 1), x);
}

static void blk_u64(struct dctx *d, struct val *v, uint64_t arg)
{
	uint64_t x;

	if (dec_fetch(d, v, arg, &x, sizeof(x)))
		val_uint(val_array(v, d->ar, 1), x);
}

/* BLKGETSIZE's unsigned long: the tracee's word. */
static void blk_ulong(struct dctx *d, struct val *v, uint64_t arg)
{
	dec_word_ref(d, v, arg, WORD_DEC);
}

/* BLKRAGET's and BLKFRAGET's long, signed: [-5]. */
static void blk_long(struct dctx *d, struct val *v, uint64_t arg)
{
	uint64_t w;

	if (!arg || read_word(d, arg, &w) < 0) {
		val_ptr(v, arg);
		return;
	}
	val_int(val_array(v, d->ar, 1), d->abi->word_size == 4 ? (int32_t)w : (int64_t)w);
}

/* BLKDISCARD, BLKSECDISCARD, BLKZEROOUT: {start, length} in bytes. */
static void blk_range(struct dctx *d, struct val *v, uint64_t arg)
{
	uint64_t r[2];

	if (!dec_fetch(d, v, arg, r, sizeof(r)))
		return;
	struct val *items = val_array(v, d->ar, 2);
	val_uint(&items[0], r[0]);
	val_uint(&items[1], r[1]);
}

static void blk_uint(struct dctx *d, struct val *v, uint64_t arg)
{
	uint32_t x;

	if (dec_fetch(d, v, arg, &x, sizeof(x)))
		val_uint(val_array(v, d->ar, 1), x);
}

const struct ioctl_dec ioctl_block_decs[] = {
	{BLKSSZGET, NULL, blk_int},	  {BLKROGET, NULL, blk_int},
	{BLKBSZGET, NULL, blk_int},	  {BLKALIGNOFF, NULL, blk_int},
	{BLKPBSZGET, NULL, blk_uint},	  {BLKIOMIN, NULL, blk_uint},
	{BLKIOOPT, NULL, blk_uint},	  {BLKDISCARDZEROES, NULL, blk_uint},
	{BLKSECTGET, NULL, blk_ushort},	  {BLKROTATIONAL, NULL, blk_ushort},
	{BLKGETSIZE, NULL, blk_ulong},	  {BLKGETSIZE64, NULL, blk_u64},
	{BLKGETDISKSEQ, NULL, blk_u64},	  {BLKRAGET, NULL, blk_long},
	{BLKFRAGET, NULL, blk_long},	  {BLKROSET, blk_int, NULL},
	{BLKBSZSET, blk_int, NULL},	  {BLKDISCARD, blk_range, NULL},
	{BLKSECDISCARD, blk_range, NULL}, {BLKZEROOUT, blk_range, NULL},
};
const unsigned ioctl_block_ndecs = sizeof(ioctl_block_decs) / sizeof(ioctl_block_decs[0]);
