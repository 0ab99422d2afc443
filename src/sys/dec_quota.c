/*
 * quotactl(2) and quotactl_fd(2) as strace 6.1 prints them: the command as QCMD(Q_GETQUOTA,
 * USRQUOTA), then only the arguments that command reads, each decoded (a quota format, the
 * quota file's path, struct if_dqblk, if_nextdqblk, if_dqinfo, XFS's fs_disk_quota,
 * fs_quota_stat and fs_quota_statv, XFS's flags).  What the kernel writes shows at a
 * successful exit, what it reads at entry.  A command no row has shows its id and address.
 *
 * The structs are the same bytes on every ABI except fs_quota_stat, whose fs_qfilestat_t is
 * 20 bytes on i386 and 24 elsewhere (abi_layouts.qfilestat_size; 0: the address), and
 * if_dqblk, whose 4 bytes of tail padding i386 lacks (ptrc reads the 68 before them).
 */
#include <linux/dqblk_xfs.h>
#include <linux/quota.h>
#include <stddef.h>
#include <string.h>

#include "../../arch/abi.h"
#include "../../arch/layout.h"
#include "decoders.h"
#include "flags.h"

/* What the address argument is. */
enum quota_addr {
	QA_NONE,   /* not printed */
	QA_PATH,   /* Q_QUOTAON's quota file */
	QA_XFLAGS, /* [FS_QUOTA_UDQ_ACCT|...] */
	QA_XTYPES, /* [FS_USER_QUOTA|...] */
	QA_DQINFO, /* struct if_dqinfo */
	QA_DQBLK,  /* struct if_dqblk */
	QA_OUT,	   /* from here on, written by the kernel: an address at entry */
	QA_FMT,	   /* [QFMT_VFS_V1] */
	QA_DQINFO_OUT,
	QA_DQBLK_OUT,
	QA_NEXTDQBLK,	/* struct if_nextdqblk */
	QA_XDQUOT_OUT,	/* struct fs_disk_quota */
	QA_XSTAT,	/* struct fs_quota_stat */
	QA_XSTATV,	/* struct fs_quota_statv */
	QA_XDQUOT = 64, /* struct fs_disk_quota, read by the kernel */
	QA_PTR,		/* the address, a command no row has */
};

enum quota_id {
	QI_NONE, /* not printed */
	QI_ID,	 /* a uid, gid or project id: unsigned, -1 as -1 */
	QI_FMT,	 /* Q_QUOTAON's format: QFMT_VFS_V0 */
};

struct quota_cmd {
	uint32_t cmd;
	uint8_t id;   /* enum quota_id */
	uint8_t addr; /* enum quota_addr */
};

static const struct quota_cmd quota_cmds[] = {
	{Q_SYNC, QI_NONE, QA_NONE},
	{Q_QUOTAON, QI_FMT, QA_PATH},
	{Q_QUOTAOFF, QI_NONE, QA_NONE},
	{Q_GETFMT, QI_NONE, QA_FMT},
	{Q_GETINFO, QI_NONE, QA_DQINFO_OUT},
	{Q_SETINFO, QI_NONE, QA_DQINFO},
	{Q_GETQUOTA, QI_ID, QA_DQBLK_OUT},
	{Q_SETQUOTA, QI_ID, QA_DQBLK},
	{Q_GETNEXTQUOTA, QI_ID, QA_NEXTDQBLK},
	{Q_XQUOTAON, QI_NONE, QA_XFLAGS},
	{Q_XQUOTAOFF, QI_NONE, QA_XFLAGS},
	{Q_XGETQUOTA, QI_ID, QA_XDQUOT_OUT},
	{Q_XSETQLIM, QI_ID, QA_XDQUOT},
	{Q_XGETQSTAT, QI_NONE, QA_XSTAT},
	{Q_XQUOTARM, QI_NONE, QA_XTYPES},
	{Q_XQUOTASYNC, QI_NONE, QA_NONE},
	{Q_XGETQSTATV, QI_NONE, QA_XSTATV},
	{Q_XGETNEXTQUOTA, QI_ID, QA_XDQUOT_OUT},
};

static const struct quota_cmd quota_unknown = {0, QI_ID, QA_PTR};

static const struct quota_cmd *quota_find(uint32_t cmd)
{
	for (size_t i = 0; i < sizeof(quota_cmds) / sizeof(quota_cmds[0]); i++)
		if (quota_cmds[i].cmd == cmd)
			return &quota_cmds[i];
	return &quota_unknown;
}

static bool quota_is_out(uint8_t addr)
{
	return addr > QA_OUT && addr < QA_XDQUOT;
}

/* QCMD(Q_GETQUOTA, USRQUOTA); -X raw prints the number in decimal, as strace does. */
static void quota_qcmd(struct dctx *d, struct val *v, uint32_t qcmd)
{
	val_call(v, d->ar, "QCMD", 2);
	v->raw = VAL_RAW_NUMBER;
	v->flags |= VALF_NUM;
	v->call.num = qcmd;
	struct val *cmd = val_field(v, d->ar, 0, "cmd");
	val_enum(cmd, qcmd >> SUBCMDSHIFT, &xl_quota_cmds);
	cmd->flags |= VALF_HEXFLAGS;
	struct val *type = val_field(v, d->ar, 1, "type");
	val_enum(type, qcmd & SUBCMDMASK, &xl_quota_types);
	type->flags |= VALF_HEXFLAGS;
}

/* [FS_QUOTA_UDQ_ACCT], [QFMT_VFS_V1]: a u32 the kernel reads or writes. */
static void quota_u32_ref(struct dctx *d, struct val *v, uint64_t addr, const struct xlat *tab,
			  bool is_enum)
{
	uint32_t x;

	if (!dec_fetch(d, v, addr, &x, sizeof(x)))
		return;
	struct val *item = val_array(v, d->ar, 1);
	if (is_enum) {
		val_enum(item, x, tab);
		item->flags |= VALF_HEXFLAGS;
	} else {
		val_flags(item, x, tab);
	}
}

static void dqinfo(struct dctx *d, struct val *v, uint64_t addr)
{
	struct if_dqinfo i;

	if (!dec_fetch(d, v, addr, &i, sizeof(i)))
		return;
	st_init(v, d->ar, 4);
	val_uint(st_add(v, d->ar, "dqi_bgrace"), i.dqi_bgrace);
	val_uint(st_add(v, d->ar, "dqi_igrace"), i.dqi_igrace);
	val_flags(st_add(v, d->ar, "dqi_flags"), i.dqi_flags, &xl_quota_dqf);
	val_flags(st_add(v, d->ar, "dqi_valid"), i.dqi_valid, &xl_quota_iif);
}

/* struct if_dqblk, the start of struct if_nextdqblk (is_next: dqb_id too); the times and
 * dqb_valid under -v only. */
static void dqblk(struct dctx *d, struct val *v, uint64_t addr, bool is_next)
{
	struct if_nextdqblk b;

	if (!dec_fetch(d, v, addr, &b,
		       is_next ? sizeof(b) : offsetof(struct if_dqblk, dqb_valid) + 4))
		return;
	st_init(v, d->ar, 10);
	val_uint(st_add(v, d->ar, "dqb_bhardlimit"), b.dqb_bhardlimit);
	val_uint(st_add(v, d->ar, "dqb_bsoftlimit"), b.dqb_bsoftlimit);
	val_uint(st_add(v, d->ar, "dqb_curspace"), b.dqb_curspace);
	val_uint(st_add(v, d->ar, "dqb_ihardlimit"), b.dqb_ihardlimit);
	val_uint(st_add(v, d->ar, "dqb_isoftlimit"), b.dqb_isoftlimit);
	val_uint(st_add(v, d->ar, "dqb_curinodes"), b.dqb_curinodes);
	if (d->opt->verbose) {
		val_uint(st_add(v, d->ar, "dqb_btime"), b.dqb_btime);
		val_uint(st_add(v, d->ar, "dqb_itime"), b.dqb_itime);
		val_flags(st_add(v, d->ar, "dqb_valid"), b.dqb_valid, &xl_quota_qif);
	} else {
		v->flags |= VALF_ABBREV;
	}
	if (is_next)
		val_uint(st_add(v, d->ar, "dqb_id"), b.dqb_id);
}

/* XFS's struct fs_disk_quota: the limits and counts, the timers and warnings under -v. */
static void xdquot(struct dctx *d, struct val *v, uint64_t addr)
{
	struct fs_disk_quota q;

	if (!dec_fetch(d, v, addr, &q, sizeof(q)))
		return;
	st_init(v, d->ar, 19);
	val_int(st_add(v, d->ar, "d_version"), q.d_version);
	val_flags(st_add(v, d->ar, "d_flags"), (uint8_t)q.d_flags, &xl_xfs_quota_types);
	val_hex(st_add(v, d->ar, "d_fieldmask"), q.d_fieldmask);
	val_uint(st_add(v, d->ar, "d_id"), q.d_id);
	val_uint(st_add(v, d->ar, "d_blk_hardlimit"), q.d_blk_hardlimit);
	val_uint(st_add(v, d->ar, "d_blk_softlimit"), q.d_blk_softlimit);
	val_uint(st_add(v, d->ar, "d_ino_hardlimit"), q.d_ino_hardlimit);
	val_uint(st_add(v, d->ar, "d_ino_softlimit"), q.d_ino_softlimit);
	val_uint(st_add(v, d->ar, "d_bcount"), q.d_bcount);
	val_uint(st_add(v, d->ar, "d_icount"), q.d_icount);
	if (!d->opt->verbose) {
		v->flags |= VALF_ABBREV;
		return;
	}
	val_int(st_add(v, d->ar, "d_itimer"), q.d_itimer);
	val_int(st_add(v, d->ar, "d_btimer"), q.d_btimer);
	val_uint(st_add(v, d->ar, "d_iwarns"), q.d_iwarns);
	val_uint(st_add(v, d->ar, "d_bwarns"), q.d_bwarns);
	val_uint(st_add(v, d->ar, "d_rtb_hardlimit"), q.d_rtb_hardlimit);
	val_uint(st_add(v, d->ar, "d_rtb_softlimit"), q.d_rtb_softlimit);
	val_uint(st_add(v, d->ar, "d_rtbcount"), q.d_rtbcount);
	val_int(st_add(v, d->ar, "d_rtbtimer"), q.d_rtbtimer);
	val_uint(st_add(v, d->ar, "d_rtbwarns"), q.d_rtbwarns);
}

/* {qfs_ino=5, qfs_nblks=6, qfs_nextents=7}: the same first 20 bytes in both structs. */
static void qfilestat(struct dctx *d, struct val *v, const uint8_t *raw)
{
	uint64_t ino, nblks;
	uint32_t nextents;

	memcpy(&ino, raw, 8);
	memcpy(&nblks, raw + 8, 8);
	memcpy(&nextents, raw + 16, 4);
	st_init(v, d->ar, 3);
	val_uint(st_add(v, d->ar, "qfs_ino"), ino);
	val_uint(st_add(v, d->ar, "qfs_nblks"), nblks);
	val_uint(st_add(v, d->ar, "qfs_nextents"), nextents);
}

/* The limits that end both stat structs, at raw: three s32 times, two u16 warnings. */
static void qstat_limits(struct dctx *d, struct val *v, const uint8_t *raw)
{
	static const char *const times[] = {"qs_btimelimit", "qs_itimelimit", "qs_rtbtimelimit"};
	int32_t t;
	uint16_t w[2];

	for (unsigned i = 0; i < 3; i++) {
		memcpy(&t, raw + 4 * i, 4);
		val_int(st_add(v, d->ar, times[i]), t);
	}
	memcpy(w, raw + 12, sizeof(w));
	val_uint(st_add(v, d->ar, "qs_bwarnlimit"), w[0]);
	val_uint(st_add(v, d->ar, "qs_iwarnlimit"), w[1]);
}

/* XFS's struct fs_quota_stat, in the tracee's layout: {qs_version=1, ...} without -v. */
static void xstat(struct dctx *d, struct val *v, uint64_t addr)
{
	unsigned fs = d->abi->layouts->qfilestat_size;
	uint8_t raw[128];
	uint16_t flags;

	if (!fs || fs < 20 || 8 + 2 * fs + 20 > sizeof(raw)) {
		val_ptr(v, addr);
		return;
	}
	if (!dec_fetch(d, v, addr, raw, 8 + 2 * fs + 20))
		return;
	st_init(v, d->ar, 10);
	val_int(st_add(v, d->ar, "qs_version"), (int8_t)raw[0]);
	if (!d->opt->verbose) {
		v->flags |= VALF_ABBREV;
		return;
	}
	memcpy(&flags, raw + 2, sizeof(flags));
	val_flags(st_add(v, d->ar, "qs_flags"), flags, &xl_xfs_quota_flags);
	qfilestat(d, st_add(v, d->ar, "qs_uquota"), raw + 8);
	qfilestat(d, st_add(v, d->ar, "qs_gquota"), raw + 8 + fs);
	uint32_t incore;
	memcpy(&incore, raw + 8 + 2 * fs, sizeof(incore));
	val_uint(st_add(v, d->ar, "qs_incoredqs"), incore);
	qstat_limits(d, v, raw + 8 + 2 * fs + 4);
}

/* XFS's struct fs_quota_statv (the same on every ABI): {qs_version=1, ...} without -v. */
static void xstatv(struct dctx *d, struct val *v, uint64_t addr)
{
	struct fs_quota_statv s;

	if (!dec_fetch(d, v, addr, &s, sizeof(s)))
		return;
	st_init(v, d->ar, 11);
	val_int(st_add(v, d->ar, "qs_version"), s.qs_version);
	if (!d->opt->verbose) {
		v->flags |= VALF_ABBREV;
		return;
	}
	val_flags(st_add(v, d->ar, "qs_flags"), s.qs_flags, &xl_xfs_quota_flags);
	val_uint(st_add(v, d->ar, "qs_incoredqs"), s.qs_incoredqs);
	qfilestat(d, st_add(v, d->ar, "qs_uquota"), (const uint8_t *)&s.qs_uquota);
	qfilestat(d, st_add(v, d->ar, "qs_gquota"), (const uint8_t *)&s.qs_gquota);
	qfilestat(d, st_add(v, d->ar, "qs_pquota"), (const uint8_t *)&s.qs_pquota);
	qstat_limits(d, v, (const uint8_t *)&s.qs_btimelimit);
}

/* The address argument, as its kind says (an output only at a successful exit). */
static void quota_addr(struct dctx *d, struct val *v, uint8_t kind, uint64_t addr)
{
	switch (kind) {
	case QA_PATH:
		decode_path(d, v, addr);
		break;
	case QA_XFLAGS:
		quota_u32_ref(d, v, addr, &xl_xfs_quota_flags, false);
		break;
	case QA_XTYPES:
		quota_u32_ref(d, v, addr, &xl_xfs_quota_types, false);
		break;
	case QA_FMT:
		quota_u32_ref(d, v, addr, &xl_quota_fmts, true);
		break;
	case QA_DQINFO:
	case QA_DQINFO_OUT:
		dqinfo(d, v, addr);
		break;
	case QA_DQBLK:
	case QA_DQBLK_OUT:
	case QA_NEXTDQBLK:
		dqblk(d, v, addr, kind == QA_NEXTDQBLK);
		break;
	case QA_XDQUOT:
	case QA_XDQUOT_OUT:
		xdquot(d, v, addr);
		break;
	case QA_XSTAT:
		xstat(d, v, addr);
		break;
	case QA_XSTATV:
		xstatv(d, v, addr);
		break;
	default:
		val_ptr(v, addr);
		break;
	}
}

/*
 * Both calls: the command is argument ci (then the device or the descriptor before it, as
 * the generic decoding left it), the id argument 2, the address argument 3.  The arguments
 * a command does not read are not printed; the address takes the id's place when the id
 * is one of them.
 */
static void dec_quota(struct dctx *d, struct sc_event *ev, bool exiting, unsigned ci)
{
	uint32_t qcmd = (uint32_t)ev->raw[ci];
	const struct quota_cmd *c = quota_find(qcmd >> SUBCMDSHIFT);
	unsigned pos = c->id == QI_NONE ? 2 : 3;

	if (exiting) {
		if (quota_is_out(c->addr) && dec_ok(ev))
			quota_addr(d, &ev->args[pos], c->addr, arg_word(d, ev, 3));
		return;
	}
	quota_qcmd(d, &ev->args[ci], qcmd);
	uint32_t id = (uint32_t)ev->raw[2];
	if (c->id == QI_ID && id == UINT32_MAX)
		val_int(&ev->args[2], -1);
	else if (c->id == QI_ID)
		val_uint(&ev->args[2], id);
	if (c->id == QI_FMT) {
		val_enum(&ev->args[2], id, &xl_quota_fmts);
		ev->args[2].flags |= VALF_HEXFLAGS;
	}
	if (c->addr == QA_NONE) {
		ev->nargs = ev->split = 2;
		return;
	}
	ev->nargs = ev->split = (uint8_t)(pos + 1);
	if (quota_is_out(c->addr)) {
		val_ptr(&ev->args[pos], arg_word(d, ev, 3));
		ev->split = (uint8_t)pos;
	} else {
		quota_addr(d, &ev->args[pos], c->addr, arg_word(d, ev, 3));
	}
}

void dec_quotactl(struct dctx *d, struct sc_event *ev, bool exiting)
{
	dec_quota(d, ev, exiting, 0);
}

void dec_quotactl_fd(struct dctx *d, struct sc_event *ev, bool exiting)
{
	dec_quota(d, ev, exiting, 1);
}
