/*
 * Disk quotas (<linux/quota.h>, <linux/dqblk_xfs.h>): quotactl's commands and quota types,
 * the quota formats, the valid-field masks of struct if_dqblk and struct if_dqinfo, and the
 * XFS quota flags and types.
 */
#include <linux/dqblk_xfs.h>
#include <linux/quota.h>

#include "flags.h"

/* The command half of QCMD(cmd, type): 0x123 / * Q_??? * / when no name has it. */
XLAT_TABLE(xl_quota_cmds, XLAT_ENUM, XLAT(Q_SYNC), XLAT(Q_QUOTAON), XLAT(Q_QUOTAOFF),
	   XLAT(Q_GETFMT), XLAT(Q_GETINFO), XLAT(Q_SETINFO), XLAT(Q_GETQUOTA), XLAT(Q_SETQUOTA),
	   XLAT(Q_GETNEXTQUOTA), XLAT(Q_XQUOTAON), XLAT(Q_XQUOTAOFF), XLAT(Q_XGETQUOTA),
	   XLAT(Q_XSETQLIM), XLAT(Q_XGETQSTAT), XLAT(Q_XQUOTARM), XLAT(Q_XQUOTASYNC),
	   XLAT(Q_XGETQSTATV), XLAT(Q_XGETNEXTQUOTA));

/* strace names an unknown type 0x3 / * ???QUOTA * /. */
XLAT_TABLE_UNKNOWN(xl_quota_types, XLAT_ENUM, "???QUOTA", XLAT(USRQUOTA), XLAT(GRPQUOTA),
		   XLAT(PRJQUOTA));

/* Q_QUOTAON's and Q_GETFMT's format: 0x4d / * QFMT_VFS_??? * / when no name has it. */
XLAT_TABLE_UNKNOWN(xl_quota_fmts, XLAT_ENUM, "QFMT_VFS_", XLAT(QFMT_VFS_OLD), XLAT(QFMT_VFS_V0),
		   XLAT(QFMT_OCFS2), XLAT(QFMT_VFS_V1));

/* struct if_dqblk's dqb_valid. */
XLAT_TABLE(xl_quota_qif, XLAT_BITS_DFLT, XLAT(QIF_BLIMITS), XLAT(QIF_SPACE), XLAT(QIF_ILIMITS),
	   XLAT(QIF_INODES), XLAT(QIF_BTIME), XLAT(QIF_ITIME));

/* struct if_dqinfo's dqi_flags and dqi_valid. */
XLAT_TABLE(xl_quota_dqf, XLAT_BITS_DFLT, XLAT(DQF_ROOT_SQUASH), XLAT(DQF_SYS_FILE));
XLAT_TABLE(xl_quota_iif, XLAT_BITS_DFLT, XLAT(IIF_BGRACE), XLAT(IIF_IGRACE), XLAT(IIF_FLAGS));

/* Q_XQUOTAON's and Q_XQUOTAOFF's flags, fs_quota_stat's qs_flags. */
XLAT_TABLE(xl_xfs_quota_flags, XLAT_BITS_DFLT, XLAT(FS_QUOTA_UDQ_ACCT), XLAT(FS_QUOTA_UDQ_ENFD),
	   XLAT(FS_QUOTA_GDQ_ACCT), XLAT(FS_QUOTA_GDQ_ENFD), XLAT(FS_QUOTA_PDQ_ACCT),
	   XLAT(FS_QUOTA_PDQ_ENFD));

/* Q_XQUOTARM's types, fs_disk_quota's d_flags: 0x10 / * FS_???_QUOTA * /. */
XLAT_TABLE_UNKNOWN(xl_xfs_quota_types, XLAT_BITS_DFLT, "FS_???_QUOTA", XLAT(FS_USER_QUOTA),
		   XLAT(FS_PROJ_QUOTA), XLAT(FS_GROUP_QUOTA));
