/*
 * SysV IPC (<linux/ipc.h>, <linux/sem.h>, <linux/msg.h>, <linux/shm.h>): keys, the flags of
 * the *get calls, the commands of the *ctl calls and the flags of semop, msgsnd/msgrcv and
 * shmat, as strace 6.1 names them.
 */
#include <linux/ipc.h>
#include <linux/msg.h>
#include <linux/sem.h>
#include <linux/shm.h>

#include "flags.h"

/* A key no name has is only its number: 0x1234, no comment. */
XLAT_TABLE_UNKNOWN(xl_ipc_key, XLAT_ENUM, "", XLAT(IPC_PRIVATE));

XLAT_TABLE(xl_ipc_get_flags, XLAT_BITS, XLAT(IPC_CREAT), XLAT(IPC_EXCL));
XLAT_TABLE(xl_shmget_flags, XLAT_BITS, XLAT(IPC_CREAT), XLAT(IPC_EXCL), XLAT(SHM_HUGETLB),
	   XLAT(SHM_NORESERVE));

XLAT_TABLE(xl_ipc_64, XLAT_BITS, XLAT(IPC_64));
XLAT_TABLE_UNKNOWN(xl_semctl_cmds, XLAT_ENUM, "SEM_", XLAT(IPC_RMID), XLAT(IPC_SET), XLAT(IPC_STAT),
		   XLAT(IPC_INFO), XLAT(GETPID), XLAT(GETVAL), XLAT(GETALL), XLAT(GETNCNT),
		   XLAT(GETZCNT), XLAT(SETVAL), XLAT(SETALL), XLAT(SEM_STAT), XLAT(SEM_INFO),
		   XLAT(SEM_STAT_ANY));
XLAT_TABLE_UNKNOWN(xl_msgctl_cmds, XLAT_ENUM, "MSG_", XLAT(IPC_RMID), XLAT(IPC_SET), XLAT(IPC_STAT),
		   XLAT(IPC_INFO), XLAT(MSG_STAT), XLAT(MSG_INFO), XLAT(MSG_STAT_ANY));
XLAT_TABLE_UNKNOWN(xl_shmctl_cmds, XLAT_ENUM, "SHM_", XLAT(IPC_RMID), XLAT(IPC_SET), XLAT(IPC_STAT),
		   XLAT(IPC_INFO), XLAT(SHM_LOCK), XLAT(SHM_UNLOCK), XLAT(SHM_STAT), XLAT(SHM_INFO),
		   XLAT(SHM_STAT_ANY));

XLAT_TABLE(xl_sem_flg, XLAT_BITS, XLAT(SEM_UNDO), XLAT(IPC_NOWAIT));
XLAT_TABLE_UNKNOWN(xl_msg_flg, XLAT_BITS_DFLT, "MSG_", XLAT(MSG_NOERROR), XLAT(MSG_EXCEPT),
		   XLAT(MSG_COPY), XLAT(IPC_NOWAIT));
XLAT_TABLE_UNKNOWN(xl_shmat_flags, XLAT_BITS_DFLT, "SHM_", XLAT(SHM_RDONLY), XLAT(SHM_RND),
		   XLAT(SHM_REMAP), XLAT(SHM_EXEC));
