/* Disk quota control on a device that does not exist, every command with the arguments
 * it reads, and the structs the kernel would write (under -e inject=quotactl:retval=0
 * the buffers keep what the program put there).
 *   tp_quota errors      calls that fail, with the default options
 *   tp_quota raw         the same, run with -X raw
 *   tp_quota verbose     the same, run with -X verbose
 *   tp_quota outputs     the output structs, run with -e inject=quotactl:retval=0
 *   tp_quota outputs_v   the same, run with -v too
 */
#include "expect.h"

#include <linux/dqblk_xfs.h>
#include <linux/quota.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static pid_t me;
static int style; /* 0: names, 1: -X raw, 2: -X verbose */
static bool verbose;
static const char dev[] = "/nonexistent-tp-quota";
static char *bad;  /* 8 bytes before an unmapped page: a short read of a struct */
static char *gone; /* the unmapped page */

static long q(unsigned cmd, const char *special, long id, const void *addr)
{
	return syscall(SYS_quotactl, cmd, special, id, addr);
}

static char *next_buf(void)
{
	static char bufs[16][512];
	static unsigned next;

	return bufs[next++ % 16];
}

/* A constant in the -X style: its name, its number, or both. */
static const char *c(const char *num, const char *name)
{
	char *b = next_buf();

	if (style == 0)
		return name;
	if (style == 1)
		return num;
	snprintf(b, 512, "%s /* %s */", num, name);
	return b;
}

/* The command argument: QCMD(Q_SYNC, USRQUOTA), its number in decimal under -X raw. */
static const char *qc(unsigned cmd, const char *cname, unsigned type, const char *tname)
{
	char *b = next_buf(), *name = next_buf();

	snprintf(name, 512, "QCMD(%s, %s)", cname, tname);
	snprintf(b, 512, "%u", QCMD(cmd, type));
	return c(b, name);
}

static const char *ptr(const void *p)
{
	char *b = next_buf();

	if (!p)
		return "NULL";
	snprintf(b, 512, "%p", p);
	return b;
}

/* The struct if_dqblk whose fields are 1 to 8. */
static void fill_dqblk(struct if_dqblk *b, uint32_t valid)
{
	memset(b, 0, sizeof(*b));
	b->dqb_bhardlimit = 1;
	b->dqb_bsoftlimit = 2;
	b->dqb_curspace = 3;
	b->dqb_ihardlimit = 4;
	b->dqb_isoftlimit = 5;
	b->dqb_curinodes = 6;
	b->dqb_btime = 7;
	b->dqb_itime = 8;
	b->dqb_valid = valid;
}

static const char dqblk_text[] = "dqb_bhardlimit=1, dqb_bsoftlimit=2, dqb_curspace=3, "
				 "dqb_ihardlimit=4, dqb_isoftlimit=5, dqb_curinodes=6";

static void fill_xdquot(struct fs_disk_quota *f)
{
	memset(f, 0, sizeof(*f));
	f->d_version = FS_DQUOT_VERSION;
	f->d_flags = FS_USER_QUOTA;
	f->d_fieldmask = FS_DQ_ISOFT | FS_DQ_BHARD;
	f->d_id = 1000;
	f->d_blk_hardlimit = 11;
	f->d_ino_softlimit = 12;
	f->d_bcount = 13;
	f->d_btimer = -2;
	f->d_rtbwarns = 3;
}

/* {d_version=1, ...}: fill_xdquot's struct. */
static const char *xdquot_text(void)
{
	char *b = next_buf();

	snprintf(b, 512,
		 "{d_version=1, d_flags=%s, d_fieldmask=0x9, d_id=1000, d_blk_hardlimit=11, "
		 "d_blk_softlimit=0, d_ino_hardlimit=0, d_ino_softlimit=12, d_bcount=13, "
		 "d_icount=0%s}",
		 c("0x1", "FS_USER_QUOTA"),
		 verbose ? ", d_itimer=0, d_btimer=-2, d_iwarns=0, d_bwarns=0, d_rtb_hardlimit=0, "
			   "d_rtb_softlimit=0, d_rtbcount=0, d_rtbtimer=0, d_rtbwarns=3"
			 : ", ...");
	return b;
}

/* The commands of <linux/quota.h>. */
static void errors_vfs(void)
{
	struct if_dqinfo info = {10, 20, DQF_ROOT_SQUASH | 0x40, IIF_ALL};
	struct if_dqblk b;
	uint32_t fmt = 0;
	long n;

	n = q(QCMD(Q_SYNC, USRQUOTA), dev, 1, bad);
	xp_line(me, "quotactl(%s, \"%s\") = %s", qc(Q_SYNC, "Q_SYNC", USRQUOTA, "USRQUOTA"), dev,
		xp_res(n));
	n = q(QCMD(Q_QUOTAON, GRPQUOTA), dev, QFMT_VFS_V0, "/tp-quota.file");
	xp_line(me, "quotactl(%s, \"%s\", %s, \"/tp-quota.file\") = %s",
		qc(Q_QUOTAON, "Q_QUOTAON", GRPQUOTA, "GRPQUOTA"), dev, c("0x2", "QFMT_VFS_V0"),
		xp_res(n));
	n = q(QCMD(Q_QUOTAON, PRJQUOTA), dev, 77, gone);
	xp_line(me, "quotactl(%s, \"%s\", 0x4d%s, %s) = %s",
		qc(Q_QUOTAON, "Q_QUOTAON", PRJQUOTA, "PRJQUOTA"), dev,
		style == 1 ? "" : " /* QFMT_VFS_??? */", ptr(gone), xp_res(n));
	n = q(QCMD(Q_QUOTAOFF, USRQUOTA), dev, 1, bad);
	xp_line(me, "quotactl(%s, \"%s\") = %s", qc(Q_QUOTAOFF, "Q_QUOTAOFF", USRQUOTA, "USRQUOTA"),
		dev, xp_res(n));
	n = q(QCMD(Q_GETFMT, USRQUOTA), dev, 1, &fmt);
	xp_line(me, "quotactl(%s, \"%s\", %s) = %s", qc(Q_GETFMT, "Q_GETFMT", USRQUOTA, "USRQUOTA"),
		dev, ptr(&fmt), xp_res(n));
	n = q(QCMD(Q_GETINFO, GRPQUOTA), dev, 1, &info);
	xp_line(me, "quotactl(%s, \"%s\", %s) = %s",
		qc(Q_GETINFO, "Q_GETINFO", GRPQUOTA, "GRPQUOTA"), dev, ptr(&info), xp_res(n));
	n = q(QCMD(Q_SETINFO, USRQUOTA), dev, 1, &info);
	xp_line(me,
		"quotactl(%s, \"%s\", {dqi_bgrace=10, dqi_igrace=20, dqi_flags=%s, dqi_valid=%s}) "
		"= %s",
		qc(Q_SETINFO, "Q_SETINFO", USRQUOTA, "USRQUOTA"), dev,
		c("0x41", "DQF_ROOT_SQUASH|0x40"), c("0x7", "IIF_BGRACE|IIF_IGRACE|IIF_FLAGS"),
		xp_res(n));
	n = q(QCMD(Q_SETINFO, USRQUOTA), dev, 1, bad);
	xp_line(me, "quotactl(%s, \"%s\", %s) = %s",
		qc(Q_SETINFO, "Q_SETINFO", USRQUOTA, "USRQUOTA"), dev, ptr(bad), xp_res(n));
	n = q(QCMD(Q_GETQUOTA, USRQUOTA), dev, 1000, &b);
	xp_line(me, "quotactl(%s, \"%s\", 1000, %s) = %s",
		qc(Q_GETQUOTA, "Q_GETQUOTA", USRQUOTA, "USRQUOTA"), dev, ptr(&b), xp_res(n));
	fill_dqblk(&b, QIF_LIMITS);
	n = q(QCMD(Q_SETQUOTA, PRJQUOTA), dev, -1, &b);
	xp_line(me, "quotactl(%s, \"%s\", -1, {%s, ...}) = %s",
		qc(Q_SETQUOTA, "Q_SETQUOTA", PRJQUOTA, "PRJQUOTA"), dev, dqblk_text, xp_res(n));
	n = q(QCMD(Q_SETQUOTA, USRQUOTA), dev, 0x80000000L, NULL);
	xp_line(me, "quotactl(%s, \"%s\", 2147483648, NULL) = %s",
		qc(Q_SETQUOTA, "Q_SETQUOTA", USRQUOTA, "USRQUOTA"), dev, xp_res(n));
	n = q(QCMD(Q_GETNEXTQUOTA, GRPQUOTA), dev, 0, bad);
	xp_line(me, "quotactl(%s, \"%s\", 0, %s) = %s",
		qc(Q_GETNEXTQUOTA, "Q_GETNEXTQUOTA", GRPQUOTA, "GRPQUOTA"), dev, ptr(bad),
		xp_res(n));
}

/* The XFS commands of <linux/dqblk_xfs.h>. */
static void errors_xfs(void)
{
	struct fs_disk_quota f;
	uint32_t flags = FS_QUOTA_UDQ_ACCT | FS_QUOTA_UDQ_ENFD | 0x100, types = 0x10;
	long n;

	n = q(QCMD(Q_XQUOTAON, USRQUOTA), dev, 0, &flags);
	xp_line(me, "quotactl(%s, \"%s\", [%s]) = %s",
		qc(Q_XQUOTAON, "Q_XQUOTAON", USRQUOTA, "USRQUOTA"), dev,
		c("0x103", "FS_QUOTA_UDQ_ACCT|FS_QUOTA_UDQ_ENFD|0x100"), xp_res(n));
	n = q(QCMD(Q_XQUOTAOFF, GRPQUOTA), dev, 0, gone);
	xp_line(me, "quotactl(%s, \"%s\", %s) = %s",
		qc(Q_XQUOTAOFF, "Q_XQUOTAOFF", GRPQUOTA, "GRPQUOTA"), dev, ptr(gone), xp_res(n));
	n = q(QCMD(Q_XQUOTARM, USRQUOTA), dev, 0, &types);
	xp_line(me, "quotactl(%s, \"%s\", [0x10%s]) = %s",
		qc(Q_XQUOTARM, "Q_XQUOTARM", USRQUOTA, "USRQUOTA"), dev,
		style == 1 ? "" : " /* FS_???_QUOTA */", xp_res(n));
	fill_xdquot(&f);
	n = q(QCMD(Q_XSETQLIM, PRJQUOTA), dev, 1000, &f);
	xp_line(me, "quotactl(%s, \"%s\", 1000, %s) = %s",
		qc(Q_XSETQLIM, "Q_XSETQLIM", PRJQUOTA, "PRJQUOTA"), dev, xdquot_text(), xp_res(n));
	n = q(QCMD(Q_XGETQUOTA, USRQUOTA), dev, 1000, &f);
	xp_line(me, "quotactl(%s, \"%s\", 1000, %s) = %s",
		qc(Q_XGETQUOTA, "Q_XGETQUOTA", USRQUOTA, "USRQUOTA"), dev, ptr(&f), xp_res(n));
	n = q(QCMD(Q_XGETQSTAT, USRQUOTA), dev, 1000, &f);
	xp_line(me, "quotactl(%s, \"%s\", %s) = %s",
		qc(Q_XGETQSTAT, "Q_XGETQSTAT", USRQUOTA, "USRQUOTA"), dev, ptr(&f), xp_res(n));
	n = q(QCMD(Q_XQUOTASYNC, USRQUOTA), dev, 1000, &f);
	xp_line(me, "quotactl(%s, \"%s\") = %s",
		qc(Q_XQUOTASYNC, "Q_XQUOTASYNC", USRQUOTA, "USRQUOTA"), dev, xp_res(n));
	n = q(QCMD(Q_XGETQSTATV, GRPQUOTA), dev, 1000, &f);
	xp_line(me, "quotactl(%s, \"%s\", %s) = %s",
		qc(Q_XGETQSTATV, "Q_XGETQSTATV", GRPQUOTA, "GRPQUOTA"), dev, ptr(&f), xp_res(n));
	n = q(QCMD(Q_XGETNEXTQUOTA, USRQUOTA), dev, 1000, &f);
	xp_line(me, "quotactl(%s, \"%s\", 1000, %s) = %s",
		qc(Q_XGETNEXTQUOTA, "Q_XGETNEXTQUOTA", USRQUOTA, "USRQUOTA"), dev, ptr(&f),
		xp_res(n));
}

/* Commands and types no name has, a device that cannot be read, quotactl_fd. */
static void errors_other(void)
{
	long n;

	n = q(QCMD(Q_SYNC, 3), dev, 1, bad);
	xp_line(me, "quotactl(%s, \"%s\") = %s", qc(Q_SYNC, "Q_SYNC", 3, "0x3 /* ???QUOTA */"), dev,
		xp_res(n));
	n = q(0x12345, dev, 1, (void *)0xdeadbeef);
	xp_line(me, "quotactl(%s, \"%s\", 1, 0xdeadbeef) = %s",
		c("74565", "QCMD(0x123 /* Q_??? */, 0x45 /* ???QUOTA */)"), dev, xp_res(n));
	n = q(QCMD(Q_GETQUOTA, USRQUOTA), gone, 1, NULL);
	xp_line(me, "quotactl(%s, %s, 1, NULL) = %s",
		qc(Q_GETQUOTA, "Q_GETQUOTA", USRQUOTA, "USRQUOTA"), ptr(gone), xp_res(n));
#ifdef SYS_quotactl_fd
	struct if_dqblk b;
	fill_dqblk(&b, QIF_ALL);
	n = syscall(SYS_quotactl_fd, -1, QCMD(Q_SETQUOTA, GRPQUOTA), 1000, &b);
	xp_line(me, "quotactl_fd(-1, %s, 1000, {%s, ...}) = %s",
		qc(Q_SETQUOTA, "Q_SETQUOTA", GRPQUOTA, "GRPQUOTA"), dqblk_text, xp_res(n));
	n = syscall(SYS_quotactl_fd, -1, QCMD(Q_SYNC, USRQUOTA), 1000, &b);
	xp_line(me, "quotactl_fd(-1, %s) = %s", qc(Q_SYNC, "Q_SYNC", USRQUOTA, "USRQUOTA"),
		xp_res(n));
	n = syscall(SYS_quotactl_fd, -1, QCMD(Q_QUOTAON, USRQUOTA), QFMT_VFS_V1, "/tp-quota");
	xp_line(me, "quotactl_fd(-1, %s, %s, \"/tp-quota\") = %s",
		qc(Q_QUOTAON, "Q_QUOTAON", USRQUOTA, "USRQUOTA"), c("0x4", "QFMT_VFS_V1"),
		xp_res(n));
#endif
}

/* An address whose 8 bytes are readable, the page after them not. */
static void map_bad(void)
{
	long page = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	munmap(p + page, page);
	bad = p + page - 8;
	gone = p + page;
}

static int run_errors(void)
{
	map_bad();
	errors_vfs();
	errors_xfs();
	errors_other();
	return 0;
}

static int run_raw(void)
{
	style = 1;
	return run_errors();
}

static int run_verbose(void)
{
	style = 2;
	return run_errors();
}

static const char inj[] = "0 (INJECTED)";

/* The formats and struct if_dqinfo, if_dqblk and if_nextdqblk, as the kernel writes them. */
static void outputs_vfs(void)
{
	struct if_dqinfo info = {10, 20, DQF_ROOT_SQUASH | DQF_SYS_FILE, IIF_BGRACE};
	struct if_nextdqblk next;
	struct if_dqblk b;
	uint32_t fmt = QFMT_VFS_V1;

	q(QCMD(Q_GETFMT, USRQUOTA), dev, 1, &fmt);
	xp_line(me, "quotactl(QCMD(Q_GETFMT, USRQUOTA), \"%s\", [QFMT_VFS_V1]) = %s", dev, inj);
	fmt = 0;
	q(QCMD(Q_GETFMT, GRPQUOTA), dev, 1, &fmt);
	xp_line(me, "quotactl(QCMD(Q_GETFMT, GRPQUOTA), \"%s\", [0 /* QFMT_VFS_??? */]) = %s", dev,
		inj);
	q(QCMD(Q_GETFMT, GRPQUOTA), dev, 1, gone);
	xp_line(me, "quotactl(QCMD(Q_GETFMT, GRPQUOTA), \"%s\", %s) = %s", dev, ptr(gone), inj);
	q(QCMD(Q_GETINFO, PRJQUOTA), dev, 1, &info);
	xp_line(me,
		"quotactl(QCMD(Q_GETINFO, PRJQUOTA), \"%s\", {dqi_bgrace=10, dqi_igrace=20, "
		"dqi_flags=DQF_ROOT_SQUASH|DQF_SYS_FILE, dqi_valid=IIF_BGRACE}) = %s",
		dev, inj);
	fill_dqblk(&b, QIF_ALL | 0x1000);
	q(QCMD(Q_GETQUOTA, USRQUOTA), dev, 1000, &b);
	xp_line(me, "quotactl(QCMD(Q_GETQUOTA, USRQUOTA), \"%s\", 1000, {%s%s}) = %s", dev,
		dqblk_text,
		verbose ? ", dqb_btime=7, dqb_itime=8, dqb_valid=QIF_BLIMITS|QIF_SPACE|QIF_ILIMITS|"
			  "QIF_INODES|QIF_BTIME|QIF_ITIME|0x1000"
			: ", ...",
		inj);
	fill_dqblk(&b, 0);
	memset(&next, 0, sizeof(next));
	memcpy(&next, &b, offsetof(struct if_dqblk, dqb_valid));
	next.dqb_valid = 0x40;
	next.dqb_id = 1001;
	q(QCMD(Q_GETNEXTQUOTA, GRPQUOTA), dev, 1000, &next);
	xp_line(me,
		"quotactl(QCMD(Q_GETNEXTQUOTA, GRPQUOTA), \"%s\", 1000, {%s%s, dqb_id=1001%s}) = "
		"%s",
		dev, dqblk_text,
		verbose ? ", dqb_btime=7, dqb_itime=8, dqb_valid=0x40 /* QIF_??? */" : "",
		verbose ? "" : ", ...", inj);
	q(QCMD(Q_GETQUOTA, USRQUOTA), dev, 1000, bad);
	xp_line(me, "quotactl(QCMD(Q_GETQUOTA, USRQUOTA), \"%s\", 1000, %s) = %s", dev, ptr(bad),
		inj);
}

static void fill_qfilestat(fs_qfilestat_t *s, uint64_t base)
{
	s->qfs_ino = base;
	s->qfs_nblks = base + 1;
	s->qfs_nextents = (uint32_t)base + 2;
}

/* XFS's fs_disk_quota, fs_quota_stat and fs_quota_statv. */
static void outputs_xfs(void)
{
	struct fs_disk_quota f;
	struct fs_quota_stat s;
	struct fs_quota_statv sv;
	char b[1024];

	fill_xdquot(&f);
	q(QCMD(Q_XGETQUOTA, USRQUOTA), dev, 1000, &f);
	xp_line(me, "quotactl(QCMD(Q_XGETQUOTA, USRQUOTA), \"%s\", 1000, %s) = %s", dev,
		xdquot_text(), inj);
	memset(&s, 0, sizeof(s));
	s.qs_version = FS_QSTAT_VERSION;
	s.qs_flags = FS_QUOTA_UDQ_ACCT | FS_QUOTA_PDQ_ENFD;
	fill_qfilestat(&s.qs_uquota, 5);
	fill_qfilestat(&s.qs_gquota, 8);
	s.qs_incoredqs = 9;
	s.qs_btimelimit = 10;
	s.qs_itimelimit = -11;
	s.qs_rtbtimelimit = 12;
	s.qs_bwarnlimit = 13;
	s.qs_iwarnlimit = 14;
	q(QCMD(Q_XGETQSTAT, USRQUOTA), dev, 0, &s);
	snprintf(b, sizeof(b), "%s",
		 "qs_flags=FS_QUOTA_UDQ_ACCT|FS_QUOTA_PDQ_ENFD, qs_uquota={qfs_ino=5, "
		 "qfs_nblks=6, qfs_nextents=7}, qs_gquota={qfs_ino=8, qfs_nblks=9, "
		 "qfs_nextents=10}, qs_incoredqs=9, qs_btimelimit=10, qs_itimelimit=-11, "
		 "qs_rtbtimelimit=12, qs_bwarnlimit=13, qs_iwarnlimit=14");
	xp_line(me, "quotactl(QCMD(Q_XGETQSTAT, USRQUOTA), \"%s\", {qs_version=1, %s}) = %s", dev,
		verbose ? b : "...", inj);
	memset(&sv, 0, sizeof(sv));
	sv.qs_version = FS_QSTATV_VERSION1;
	sv.qs_flags = FS_QUOTA_GDQ_ENFD;
	sv.qs_incoredqs = 4;
	fill_qfilestat((fs_qfilestat_t *)&sv.qs_uquota, 5);
	fill_qfilestat((fs_qfilestat_t *)&sv.qs_pquota, 8);
	sv.qs_iwarnlimit = 7;
	sv.qs_rtbwarnlimit = 3;
	q(QCMD(Q_XGETQSTATV, PRJQUOTA), dev, 0, &sv);
	snprintf(b, sizeof(b), "%s",
		 "qs_flags=FS_QUOTA_GDQ_ENFD, qs_incoredqs=4, qs_uquota={qfs_ino=5, qfs_nblks=6, "
		 "qfs_nextents=7}, qs_gquota={qfs_ino=0, qfs_nblks=0, qfs_nextents=0}, "
		 "qs_pquota={qfs_ino=8, qfs_nblks=9, qfs_nextents=10}, qs_btimelimit=0, "
		 "qs_itimelimit=0, qs_rtbtimelimit=0, qs_bwarnlimit=0, qs_iwarnlimit=7");
	xp_line(me, "quotactl(QCMD(Q_XGETQSTATV, PRJQUOTA), \"%s\", {qs_version=1, %s}) = %s", dev,
		verbose ? b : "...", inj);
	q(QCMD(Q_XGETNEXTQUOTA, GRPQUOTA), dev, 1000, bad);
	xp_line(me, "quotactl(QCMD(Q_XGETNEXTQUOTA, GRPQUOTA), \"%s\", 1000, %s) = %s", dev,
		ptr(bad), inj);
}

static int run_outputs(void)
{
	map_bad();
	outputs_vfs();
	outputs_xfs();
	return 0;
}

static int run_outputs_v(void)
{
	verbose = true;
	return run_outputs();
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {
		{"errors", run_errors},	      {"raw", run_raw},
		{"verbose", run_verbose},     {"outputs", run_outputs},
		{"outputs_v", run_outputs_v}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_quota", argc, argv, modes);
}
