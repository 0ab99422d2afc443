/*
 * ioctl arguments of storage devices other than block ones, as strace 6.1
 * shows them: an ATA disk's geometry (HDIO_GETGEO) and settings (HDIO_GET_*:
 * unsigned longs), the SCSI generic driver's ints (SG_*), flash devices' bad
 * blocks and counts (MTD) and UBI's volume and eraseblock numbers.
 */
#include <linux/hdreg.h>
#include <linux/ioctl.h>
#include <mtd/mtd-abi.h>
#include <mtd/ubi-user.h>
#include <scsi/sg.h>
#include <stdint.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"

/* [BUSSTATE_ON], [1 << IDE_NICE_0]: an unsigned long the kernel writes, named. */
static void hdio_word_named(struct dctx *d, struct val *v, uint64_t arg, const struct xlat *tab)
{
	uint64_t w;

	if (!arg || read_word(d, arg, &w) < 0) {
		val_ptr(v, arg);
		return;
	}
	struct val *item = val_array(v, d->ar, 1);
	if (tab->type == XLAT_ENUM) {
		val_enum(item, w, tab);
		item->flags |= VALF_HEXFLAGS;
	} else
		val_flags(item, w, tab);
}

static void hdio_busstate(struct dctx *d, struct val *v, uint64_t arg)
{
	hdio_word_named(d, v, arg, &xl_hdio_busstates);
}

static void hdio_nice(struct dctx *d, struct val *v, uint64_t arg)
{
	hdio_word_named(d, v, arg, &xl_hdio_nice_bits);
}

/* HDIO_SCAN_HWIF's and HDIO_DRIVE_RESET's three ints, in hex. */
static void hdio_args(struct dctx *d, struct val *v, uint64_t arg)
{
	uint32_t a[3];

	if (!dec_fetch(d, v, arg, a, sizeof(a)))
		return;
	struct val *items = val_array(v, d->ar, 3);
	for (unsigned i = 0; i < 3; i++)
		val_hex(&items[i], a[i]);
}

static void otp_mode(struct dctx *d, struct val *v, uint64_t arg)
{
	uint32_t x;

	if (!dec_fetch(d, v, arg, &x, sizeof(x)))
		return;
	struct val *item = val_array(v, d->ar, 1);
	val_enum(item, x, &xl_mtd_otp_modes);
	item->flags |= VALF_HEXFLAGS;
}

/* HDIO_GET_*'s unsigned long: the tracee's word. */
/* struct hd_geometry: two bytes, a short, then an unsigned long at the word's alignment. */
static void hdio_geo(struct dctx *d, struct val *v, uint64_t arg)
{
	unsigned ws = d->abi->word_size;
	uint8_t b[16];
	uint64_t start = 0;

	if (!dec_fetch(d, v, arg, b, 2 * ws))
		return;
	for (unsigned i = 0; i < ws; i++) /* little-endian, as every ABI ptrc traces */
		start |= (uint64_t)b[ws + i] << (8 * i);
	st_init(v, d->ar, 4);
	val_uint(st_add(v, d->ar, "heads"), b[0]);
	val_uint(st_add(v, d->ar, "sectors"), b[1]);
	val_uint(st_add(v, d->ar, "cylinders"), (uint16_t)(b[2] | b[3] << 8));
	val_uint(st_add(v, d->ar, "start"), start);
}

const struct ioctl_dec ioctl_storage_decs[] = {
	{HDIO_GETGEO, NULL, hdio_geo},
	{HDIO_GET_32BIT, NULL, dec_ulong_ref},
	{HDIO_GET_ACOUSTIC, NULL, dec_ulong_ref},
	{HDIO_GET_ADDRESS, NULL, dec_ulong_ref},
	{HDIO_GET_DMA, NULL, dec_ulong_ref},
	{HDIO_GET_KEEPSETTINGS, NULL, dec_ulong_ref},
	{HDIO_GET_MULTCOUNT, NULL, dec_ulong_ref},
	{HDIO_GET_NOWERR, NULL, dec_ulong_ref},
	{HDIO_GET_UNMASKINTR, NULL, dec_ulong_ref},
	{HDIO_GET_WCACHE, NULL, dec_ulong_ref},
	{HDIO_GET_BUSSTATE, NULL, hdio_busstate},
	{HDIO_GET_NICE, NULL, hdio_nice},
	{HDIO_SCAN_HWIF, hdio_args, NULL},
	{HDIO_DRIVE_RESET, hdio_args, NULL},
	{OTPSELECT, otp_mode, NULL},
	{SG_EMULATED_HOST, NULL, dec_int_ref},
	{SG_GET_COMMAND_Q, NULL, dec_int_ref},
	{SG_GET_KEEP_ORPHAN, NULL, dec_int_ref},
	{SG_GET_LOW_DMA, NULL, dec_int_ref},
	{SG_GET_NUM_WAITING, NULL, dec_int_ref},
	{SG_GET_PACK_ID, NULL, dec_int_ref},
	{SG_GET_RESERVED_SIZE, NULL, dec_int_ref},
	{SG_GET_SG_TABLESIZE, NULL, dec_int_ref},
	{SG_GET_TRANSFORM, NULL, dec_int_ref},
	{SG_GET_VERSION_NUM, NULL, dec_int_ref},
	{SG_NEXT_CMD_LEN, dec_int_ref, NULL},
	{SG_SET_COMMAND_Q, dec_int_ref, NULL},
	{SG_SET_DEBUG, dec_int_ref, NULL},
	{SG_SET_FORCE_LOW_DMA, dec_int_ref, NULL},
	{SG_SET_FORCE_PACK_ID, dec_int_ref, NULL},
	{SG_SET_KEEP_ORPHAN, dec_int_ref, NULL},
	{SG_SET_RESERVED_SIZE, dec_int_ref, NULL},
	{SG_SET_TIMEOUT, dec_int_ref, NULL},
	{MEMGETREGIONCOUNT, NULL, dec_int_ref},
	{OTPGETREGIONCOUNT, NULL, dec_uint_ref},
	{MEMGETBADBLOCK, dec_u64_ref, NULL},
	{MEMSETBADBLOCK, dec_u64_ref, NULL},
	{UBI_IOCDET, dec_int_ref, NULL},
	{UBI_IOCEBER, dec_int_ref, NULL},
	{UBI_IOCEBISMAP, dec_int_ref, NULL},
	{UBI_IOCEBUNMAP, dec_int_ref, NULL},
	{UBI_IOCRMVOL, dec_int_ref, NULL},
	{UBI_IOCRPEB, dec_int_ref, NULL},
	{UBI_IOCSPEB, dec_int_ref, NULL},
	{UBI_IOCVOLUP, dec_s64_ref, NULL},
};
const unsigned ioctl_storage_ndecs = sizeof(ioctl_storage_decs) / sizeof(ioctl_storage_decs[0]);
