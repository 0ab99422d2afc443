/*
 * quotactl(2) and quotactl_fd(2) against a fake tracee memory.  Every expected line is
 * strace 6.1's for the same call (checked with testprogs/tp_quota.c, x86_64 and -m32, under
 * -v, -X raw and -X verbose, the outputs under -e inject=quotactl:retval=0).
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <linux/dqblk_xfs.h>
#include <linux/quota.h>
#include <stdint.h>
#include <string.h>

#include "test_sys_harness.h"

TestSuite(sys_quota, .init = setup, .fini = teardown);

#define QC(ret, ...) RUN("quotactl", ret, __VA_ARGS__)

static const char dev[] = "/dev/sda";

static const struct if_dqblk blk = {1, 2, 3, 4, 5, 6, 7, 8, QIF_LIMITS};

Test(sys_quota, each_command_its_own_arguments)
{
	map(0x1000, dev, sizeof(dev));
	map(0x2000, &blk, offsetof(struct if_dqblk, dqb_valid) + 4);
	cr_expect_str_eq(QC(0, QCMD(Q_SYNC, GRPQUOTA), 0, 1, 0x2000),
			 "quotactl(QCMD(Q_SYNC, GRPQUOTA), NULL) = 0");
	cr_expect_str_eq(QC(-ENOENT, QCMD(Q_GETQUOTA, USRQUOTA), 0x1000, 0, 0x7ffc0000),
			 "quotactl(QCMD(Q_GETQUOTA, USRQUOTA), \"/dev/sda\", 0, 0x7ffc0000) = -1 "
			 "ENOENT (No such file or directory)");
	cr_expect_str_eq(
		QC(0, QCMD(Q_SETQUOTA, PRJQUOTA), 0x1000, 0xffffffff, 0x2000),
		"quotactl(QCMD(Q_SETQUOTA, PRJQUOTA), \"/dev/sda\", -1, {dqb_bhardlimit=1, "
		"dqb_bsoftlimit=2, dqb_curspace=3, dqb_ihardlimit=4, dqb_isoftlimit=5, "
		"dqb_curinodes=6, ...}) = 0");
	/* The 68 bytes strace reads, one short: the address. */
	cr_expect_str_eq(QC(0, QCMD(Q_SETQUOTA, USRQUOTA), 0x1000, 1, 0x2004),
			 "quotactl(QCMD(Q_SETQUOTA, USRQUOTA), \"/dev/sda\", 1, 0x2004) = 0");
	cr_expect_str_eq(QC(0, QCMD(Q_GETQUOTA, USRQUOTA), 0x1000, 1, 0x2000),
			 "quotactl(QCMD(Q_GETQUOTA, USRQUOTA), \"/dev/sda\", 1, {dqb_bhardlimit=1, "
			 "dqb_bsoftlimit=2, dqb_curspace=3, dqb_ihardlimit=4, dqb_isoftlimit=5, "
			 "dqb_curinodes=6, ...}) = 0");
	cr_expect_str_eq(QC(-EINVAL, 0x12345, 0x1000, 1, 0xdeadbeef),
			 "quotactl(QCMD(0x123 /* Q_??? */, 0x45 /* ???QUOTA */), \"/dev/sda\", 1, "
			 "0xdeadbeef) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("quotactl_fd", -EBADF, 3, QCMD(Q_QUOTAON, USRQUOTA), 77, 0x1000),
			 "quotactl_fd(3, QCMD(Q_QUOTAON, USRQUOTA), 0x4d /* QFMT_VFS_??? */, "
			 "\"/dev/sda\") = -1 EBADF (Bad file descriptor)");
}

Test(sys_quota, x_raw_and_verbose)
{
	static const struct if_dqinfo info = {10, 20, DQF_ROOT_SQUASH | 0x40, IIF_ALL};

	map(0x1000, dev, sizeof(dev));
	map(0x3000, &info, sizeof(info));
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(QC(0, QCMD(Q_SETINFO, USRQUOTA), 0x1000, 1, 0x3000),
			 "quotactl(2147485184, \"/dev/sda\", {dqi_bgrace=10, dqi_igrace=20, "
			 "dqi_flags=0x41, dqi_valid=0x7}) = 0");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(
		QC(0, QCMD(Q_SETINFO, USRQUOTA), 0x1000, 1, 0x3000),
		"quotactl(2147485184 /* QCMD(Q_SETINFO, USRQUOTA) */, \"/dev/sda\", "
		"{dqi_bgrace=10, dqi_igrace=20, dqi_flags=0x41 /* DQF_ROOT_SQUASH|0x40 */, "
		"dqi_valid=0x7 /* IIF_BGRACE|IIF_IGRACE|IIF_FLAGS */}) = 0");
}

/* fs_quota_stat's i386 bytes: fs_qfilestat_t is 20 bytes there, 24 on x86_64. */
Test(sys_quota, xfs_stat_in_each_layout)
{
	static const char want[] =
		"quotactl(QCMD(Q_XGETQSTAT, USRQUOTA), \"/dev/sda\", {qs_version=1, "
		"qs_flags=FS_QUOTA_UDQ_ACCT|FS_QUOTA_PDQ_ENFD, qs_uquota={qfs_ino=5, qfs_nblks=6, "
		"qfs_nextents=7}, qs_gquota={qfs_ino=8, qfs_nblks=9, qfs_nextents=10}, "
		"qs_incoredqs=9, qs_btimelimit=10, qs_itimelimit=-11, qs_rtbtimelimit=12, "
		"qs_bwarnlimit=13, qs_iwarnlimit=14}) = 0";
	uint8_t raw[2][80];
	const unsigned fs[2] = {24, 20};

	memset(raw, 0, sizeof(raw));
	for (unsigned k = 0; k < 2; k++) {
		uint8_t *r = raw[k];
		uint16_t flags = FS_QUOTA_UDQ_ACCT | FS_QUOTA_PDQ_ENFD, w[2] = {13, 14};
		uint64_t u[4] = {5, 6, 8, 9};
		uint32_t ne[2] = {7, 10}, incore = 9;
		int32_t t[3] = {10, -11, 12};
		r[0] = FS_QSTAT_VERSION;
		memcpy(r + 2, &flags, 2);
		for (unsigned i = 0; i < 2; i++) {
			memcpy(r + 8 + i * fs[k], &u[2 * i], 16);
			memcpy(r + 8 + i * fs[k] + 16, &ne[i], 4);
		}
		memcpy(r + 8 + 2 * fs[k], &incore, 4);
		memcpy(r + 12 + 2 * fs[k], t, 12);
		memcpy(r + 24 + 2 * fs[k], w, 4);
	}
	map(0x1000, dev, sizeof(dev));
	map(0x4000, raw[0], 80);
	map(0x5000, raw[1], 68);
	opts.verbose = true;
	cr_expect_str_eq(QC(0, QCMD(Q_XGETQSTAT, USRQUOTA), 0x1000, 0, 0x4000), want);
	harness_abi = ABI_I386;
	cr_expect_str_eq(QC(0, QCMD(Q_XGETQSTAT, USRQUOTA), 0x1000, 0, 0x5000), want);
	harness_abi = ABI_X86_64;
	opts.verbose = false;
	cr_expect_str_eq(QC(0, QCMD(Q_XGETQSTAT, USRQUOTA), 0x1000, 0, 0x4000),
			 "quotactl(QCMD(Q_XGETQSTAT, USRQUOTA), \"/dev/sda\", {qs_version=1, ...}) "
			 "= 0");
}
