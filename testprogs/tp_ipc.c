/* SysV IPC with real and wild arguments: semaphores, message queues, shared memory; on
 * i386 also through ipc(2).
 *   tp_ipc basic     run with the default options
 *   tp_ipc errors    calls on ids that do not exist, the same in every run
 *   tp_ipc raw       run with -X raw
 *   tp_ipc verbose   run with -X verbose
 * Ids, times, pids and addresses differ from run to run: lines state them as the calls
 * returned them.
 */
#include "expect.h"

#include <errno.h>
#include <linux/ipc.h>
#include <linux/msg.h>
#include <linux/sem.h>
#include <linux/shm.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static pid_t me;

/* The direct calls take the IPC_64 structs on every ABI, IPC_64 only through i386's ipc(2)
 * (the direct ones refuse it there): no IPC_64 outside through_ipc() but in an unknown
 * command. */

/* i386 has no semop(2) but semtimedop_time64. */
#ifdef SYS_semop
#define SEMOP_NAME "semop"
#define SEMOP_TAIL ""
static long semops(long s, void *ops, unsigned n)
{
	return syscall(SYS_semop, s, ops, n);
}
#else
#define SEMOP_NAME "semtimedop_time64"
#define SEMOP_TAIL ", NULL"
static long semops(long s, void *ops, unsigned n)
{
	return syscall(SYS_semtimedop_time64, s, ops, n, NULL);
}
#endif

/* {uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0} */
static const char *perm(const struct ipc64_perm *p)
{
	static char b[160];

	snprintf(b, sizeof(b), "{uid=%u, gid=%u, mode=%#o, key=%d, cuid=%u, cgid=%u}", p->uid,
		 p->gid, (unsigned)p->mode, p->key, p->cuid, p->cgid);
	return b;
}

static void semaphores(void)
{
	struct sembuf ops[2] = {{0, 1, 0}, {1, 0, IPC_NOWAIT | SEM_UNDO}};
	struct semid64_ds ds;
	struct seminfo si;
	long s, n;

	s = syscall(SYS_semget, IPC_PRIVATE, 2, IPC_CREAT | IPC_EXCL | 0600);
	xp_line(me, "semget(IPC_PRIVATE, 2, IPC_CREAT|IPC_EXCL|0600) = %s", xp_res(s));
	n = syscall(SYS_semget, 0x1234fedc, 1, 0);
	xp_line(me, "semget(0x1234fedc, 1, 000) = %s", xp_res(n));
	n = semops(s, ops, 2);
	xp_line(me,
		SEMOP_NAME "(%ld, [{sem_num=0, sem_op=1, sem_flg=0}, {sem_num=1, sem_op=0, "
			   "sem_flg=SEM_UNDO|IPC_NOWAIT}], 2" SEMOP_TAIL ") = %s",
		s, xp_res(n));
	n = semops(s, NULL, 1);
	xp_line(me, SEMOP_NAME "(%ld, NULL, 1" SEMOP_TAIL ") = %s", s, xp_res(n));
	n = semops(s, (void *)1, 1);
	xp_line(me, SEMOP_NAME "(%ld, 0x1, 1" SEMOP_TAIL ") = %s", s, xp_res(n));
	memset(&ds, 0, sizeof(ds));
	n = syscall(SYS_semctl, s, 0, IPC_STAT, &ds);
	xp_line(me,
		"semctl(%ld, 0, IPC_STAT, {sem_perm=%s, sem_otime=%ld, sem_ctime=%ld, "
		"sem_nsems=%lu}) = %s",
		s, perm(&ds.sem_perm), (long)ds.sem_otime, (long)ds.sem_ctime,
		(unsigned long)ds.sem_nsems, xp_res(n));
	n = syscall(SYS_semctl, s, 0, IPC_SET, &ds);
	xp_line(me, "semctl(%ld, 0, IPC_SET, {sem_perm={uid=%u, gid=%u, mode=%#o}}) = %s", s,
		ds.sem_perm.uid, ds.sem_perm.gid, (unsigned)ds.sem_perm.mode, xp_res(n));
	n = syscall(SYS_semctl, s, 0, IPC_STAT, (void *)1);
	xp_line(me, "semctl(%ld, 0, IPC_STAT, 0x1) = %s", s, xp_res(n));
	n = syscall(SYS_semctl, s, 0, IPC_INFO, &si);
	xp_line(me,
		"semctl(%ld, 0, IPC_INFO, {semmap=%d, semmni=%d, semmns=%d, semmnu=%d, "
		"semmsl=%d, semopm=%d, semume=%d, semusz=%d, semvmx=%d, semaem=%d}) = %s",
		s, si.semmap, si.semmni, si.semmns, si.semmnu, si.semmsl, si.semopm, si.semume,
		si.semusz, si.semvmx, si.semaem, xp_res(n));
	n = syscall(SYS_semctl, s, 0, 99, 0);
	xp_line(me, "semctl(%ld, 0, 0x63 /* SEM_??? */, %s) = %s", s, "NULL", xp_res(n));
	n = syscall(SYS_semctl, s, 0, IPC_RMID, 0);
	xp_line(me, "semctl(%ld, 0, IPC_RMID, %s) = %s", s, "NULL", xp_res(n));
}

static void messages(void)
{
	struct {
		long type;
		char text[40];
	} m = {3, "0123456789012345678901234567890123456789"}, bad = {-5, "abcd"};
	struct msqid64_ds ds;
	long q, n;

	q = syscall(SYS_msgget, IPC_PRIVATE, IPC_CREAT | 0640);
	xp_line(me, "msgget(IPC_PRIVATE, IPC_CREAT|0640) = %s", xp_res(q));
	n = syscall(SYS_msgsnd, q, &m, 40, 0);
	xp_line(me,
		"msgsnd(%ld, {mtype=3, mtext=\"01234567890123456789012345678901\"...}, 40, 0) = %s",
		q, xp_res(n));
	n = syscall(SYS_msgsnd, q, NULL, 4, 0);
	xp_line(me, "msgsnd(%ld, NULL, 4, 0) = %s", q, xp_res(n));
	n = syscall(SYS_msgsnd, q, &bad, 4, 0x40000);
	xp_line(me, "msgsnd(%ld, {mtype=-5, mtext=\"abcd\"}, 4, 0x40000 /* MSG_??? */) = %s", q,
		xp_res(n));
	memset(m.text, 'x', sizeof(m.text));
	n = syscall(SYS_msgrcv, q, &m, 8, 3L, IPC_NOWAIT | MSG_NOERROR);
	xp_line(me, "msgrcv(%ld, {mtype=3, mtext=\"01234567\"}, 8, 3, MSG_NOERROR|IPC_NOWAIT) = %s",
		q, xp_res(n));
	n = syscall(SYS_msgrcv, q, &m, 8, 3L, IPC_NOWAIT);
	xp_line(me, "msgrcv(%ld, %p, 8, 3, IPC_NOWAIT) = %s", q, (void *)&m, xp_res(n));
	memset(&ds, 0, sizeof(ds));
	n = syscall(SYS_msgctl, q, IPC_STAT, &ds);
	xp_line(me,
		"msgctl(%ld, IPC_STAT, {msg_perm=%s, msg_stime=%ld, msg_rtime=%ld, "
		"msg_ctime=%ld, "
		"msg_qnum=%lu, msg_qbytes=%lu, msg_lspid=%d, msg_lrpid=%d}) = %s",
		q, perm(&ds.msg_perm), (long)ds.msg_stime, (long)ds.msg_rtime, (long)ds.msg_ctime,
		(unsigned long)ds.msg_qnum, (unsigned long)ds.msg_qbytes, ds.msg_lspid,
		ds.msg_lrpid, xp_res(n));
	n = syscall(SYS_msgctl, q, 99, &ds);
	xp_line(me, "msgctl(%ld, 0x63 /* MSG_??? */, %p) = %s", q, (void *)&ds, xp_res(n));
	n = syscall(SYS_msgctl, q, IPC_RMID, NULL);
	xp_line(me, "msgctl(%ld, IPC_RMID, NULL) = %s", q, xp_res(n));
}

static void shared_memory(void)
{
	struct shmid64_ds ds;
	long h, n;
	void *p;

	h = syscall(SYS_shmget, IPC_PRIVATE, 4096, IPC_CREAT | SHM_NORESERVE | 0600);
	xp_line(me, "shmget(IPC_PRIVATE, 4096, IPC_CREAT|SHM_NORESERVE|0600) = %s", xp_res(h));
	n = syscall(SYS_shmget, IPC_PRIVATE, 4096, IPC_CREAT | SHM_HUGETLB | 21 << 26 | 0600);
	xp_line(me, "shmget(IPC_PRIVATE, 4096, IPC_CREAT|SHM_HUGETLB|21<<SHM_HUGE_SHIFT|0600) = %s",
		xp_res(n));
	p = (void *)syscall(SYS_shmat, h, NULL, SHM_RDONLY);
	xp_line(me, "shmat(%ld, NULL, SHM_RDONLY) = %p", h, p);
	n = syscall(SYS_shmat, h, NULL, 0xf0000000);
	xp_line(me, "shmat(%ld, NULL, 0xf0000000 /* SHM_??? */) = %#lx", h, n);
	memset(&ds, 0, sizeof(ds));
	n = syscall(SYS_shmctl, h, IPC_STAT, &ds);
	xp_line(me,
		"shmctl(%ld, IPC_STAT, {shm_perm=%s, shm_segsz=%lu, shm_cpid=%d, shm_lpid=%d, "
		"shm_nattch=%lu, shm_atime=%ld, shm_dtime=%ld, shm_ctime=%ld}) = %s",
		h, perm(&ds.shm_perm), (unsigned long)ds.shm_segsz, ds.shm_cpid, ds.shm_lpid,
		(unsigned long)ds.shm_nattch, (long)ds.shm_atime, (long)ds.shm_dtime,
		(long)ds.shm_ctime, xp_res(n));
	n = syscall(SYS_shmdt, p);
	xp_line(me, "shmdt(%p) = %s", p, xp_res(n));
	n = syscall(SYS_shmctl, h, 99, NULL);
	xp_line(me, "shmctl(%ld, 0x63 /* SHM_??? */, NULL) = %s", h, xp_res(n));
	n = syscall(SYS_shmctl, h, IPC_RMID, NULL);
	xp_line(me, "shmctl(%ld, IPC_RMID, NULL) = %s", h, xp_res(n));
}

#ifdef SYS_ipc
/* ipc(2)'s calls (the kernel's include/linux/ipc.h, which is not UAPI). */
enum { I_SEMOP = 1, I_SEMGET = 2, I_SEMCTL = 3, I_MSGSND = 11, I_MSGRCV = 12, I_MSGGET = 13 };
enum { I_SHMAT = 21, I_SHMDT = 22, I_SHMGET = 23 };

/* i386's ipc(2): semctl's union through a pointer, shmat's address written at one. */
static void through_ipc(void)
{
	struct sembuf op = {0, 1, 0};
	struct semid64_ds ds;
	void *dsp = &ds;
	long val = 5, zero = 0, s, q, h, n;
	unsigned long raddr = 0;
	struct {
		long type;
		char text[8];
	} m = {1, "hi"};
	struct {
		void *msgp;
		long type;
	} k = {&m, 0};

	s = syscall(SYS_ipc, I_SEMGET, IPC_PRIVATE, 1, IPC_CREAT | 0600, 0, 0);
	xp_line(me, "semget(IPC_PRIVATE, 1, IPC_CREAT|0600) = %s", xp_res(s));
	n = syscall(SYS_ipc, I_SEMCTL, s, 0, IPC_64 | IPC_STAT, &dsp, 0);
	xp_line(me,
		"semctl(%ld, 0, IPC_64|IPC_STAT, {sem_perm=%s, sem_otime=%ld, sem_ctime=%ld, "
		"sem_nsems=%lu}) = %s",
		s, perm(&ds.sem_perm), (long)ds.sem_otime, (long)ds.sem_ctime,
		(unsigned long)ds.sem_nsems, xp_res(n));
	n = syscall(SYS_ipc, I_SEMCTL, s, 0, IPC_64 | SETVAL, &val, 0);
	xp_line(me, "semctl(%ld, 0, IPC_64|SETVAL, [0x5]) = %s", s, xp_res(n));
	n = syscall(SYS_ipc, I_SEMCTL, s, 0, IPC_64 | SETVAL, 1, 0);
	xp_line(me, "semctl(%ld, 0, IPC_64|SETVAL, 0x1) = %s", s, xp_res(n));
	n = syscall(SYS_ipc, I_SEMOP, s, 1, 0, &op, 0);
	xp_line(me, "semop(%ld, [{sem_num=0, sem_op=1, sem_flg=0}], 1) = %s", s, xp_res(n));
	n = syscall(SYS_ipc, I_SEMCTL, s, 0, IPC_64 | IPC_RMID, 0, 0);
	xp_line(me, "semctl(%ld, 0, IPC_64|IPC_RMID, NULL) = %s", s, xp_res(n));
	n = syscall(SYS_ipc, I_SEMCTL, s, 0, IPC_64 | IPC_RMID, &zero, 0);
	xp_line(me, "semctl(%ld, 0, IPC_64|IPC_RMID, [NULL]) = %s", s, xp_res(n));
	q = syscall(SYS_ipc, I_MSGGET, IPC_PRIVATE, IPC_CREAT | 0600, 0, 0, 0);
	xp_line(me, "msgget(IPC_PRIVATE, IPC_CREAT|0600) = %s", xp_res(q));
	n = syscall(SYS_ipc, I_MSGSND, q, 2, 0, &m, 0);
	xp_line(me, "msgsnd(%ld, {mtype=1, mtext=\"hi\"}, 2, 0) = %s", q, xp_res(n));
	n = syscall(SYS_ipc, I_MSGRCV, q, 8, IPC_NOWAIT, &k, 0);
	xp_line(me, "msgrcv(%ld, {mtype=1, mtext=\"hi\\0\\0\\0\\0\\0\\0\"}, 8, 0, IPC_NOWAIT) = %s",
		q, xp_res(n));
	n = syscall(SYS_msgctl, q, IPC_RMID, NULL);
	xp_line(me, "msgctl(%ld, IPC_RMID, NULL) = %s", q, xp_res(n));
	h = syscall(SYS_ipc, I_SHMGET, IPC_PRIVATE, 4096, IPC_CREAT | 0600, 0, 0);
	xp_line(me, "shmget(IPC_PRIVATE, 4096, IPC_CREAT|0600) = %s", xp_res(h));
	n = syscall(SYS_ipc, I_SHMAT, h, SHM_RDONLY, &raddr, 0, 0);
	xp_line(me, "shmat(%ld, NULL, SHM_RDONLY) = %#lx", h, raddr);
	n = syscall(SYS_ipc, I_SHMDT, 0, 0, 0, raddr, 0);
	xp_line(me, "shmdt(%#lx) = %s", raddr, xp_res(n));
	n = syscall(SYS_shmctl, h, IPC_RMID, NULL);
	xp_line(me, "shmctl(%ld, IPC_RMID, NULL) = %s", h, xp_res(n));
	n = syscall(SYS_ipc, 99, 14, 0, 0, 0, 0);
	xp_line(me, "ipc(99, 0xe, 0, 0, 0, 0) = %s", xp_res(n));
}
#endif

static int run_basic(void)
{
	semaphores();
	messages();
	shared_memory();
#ifdef SYS_ipc
	through_ipc();
#endif
	return 0;
}

/* Calls on ids that do not exist: the same lines in every run (strace_compare.py). */
static int run_errors(void)
{
	struct sembuf ops[2] = {{0, -1, IPC_NOWAIT | 0x4000}, {1, 2, SEM_UNDO}};
	struct {
		long type;
		char text[8];
	} m = {7, "abcdefg"};
	long n;

	n = syscall(SYS_semget, 0x1234fedc, 1, IPC_EXCL);
	xp_line(me, "semget(0x1234fedc, 1, IPC_EXCL|000) = %s", xp_res(n));
	n = syscall(SYS_semget, 0x1234fedc, 1, 0x4000 | 0644);
	xp_line(me, "semget(0x1234fedc, 1, 0x40000644) = %s", xp_res(n));
	n = semops(-1, ops, 2);
	xp_line(me,
		SEMOP_NAME "(-1, [{sem_num=0, sem_op=-1, sem_flg=IPC_NOWAIT|0x4000}, {sem_num=1, "
			   "sem_op=2, sem_flg=SEM_UNDO}], 2" SEMOP_TAIL ") = %s",
		xp_res(n));
	n = syscall(SYS_semctl, -1, 0, IPC_STAT, NULL);
	xp_line(me, "semctl(-1, 0, IPC_STAT, NULL) = %s", xp_res(n));
	n = syscall(SYS_semctl, -1, 3, SETVAL, 1);
	xp_line(me, "semctl(-1, 3, SETVAL, 0x1) = %s", xp_res(n));
	n = syscall(SYS_msgsnd, -1, &m, 7, IPC_NOWAIT);
	xp_line(me, "msgsnd(-1, {mtype=7, mtext=\"abcdefg\"}, 7, IPC_NOWAIT) = %s", xp_res(n));
	n = syscall(SYS_msgrcv, -1, &m, 8, -3L, MSG_EXCEPT);
	xp_line(me, "msgrcv(-1, %p, 8, -3, MSG_EXCEPT) = %s", (void *)&m, xp_res(n));
	n = syscall(SYS_msgctl, -1, MSG_STAT_ANY, NULL);
	xp_line(me, "msgctl(-1, MSG_STAT_ANY, NULL) = %s", xp_res(n));
	n = syscall(SYS_shmat, -1, NULL, SHM_RDONLY | SHM_EXEC);
	xp_line(me, "shmat(-1, NULL, SHM_RDONLY|SHM_EXEC) = %s", xp_res(n));
	n = syscall(SYS_shmctl, -1, SHM_LOCK, NULL);
	xp_line(me, "shmctl(-1, SHM_LOCK, NULL) = %s", xp_res(n));
	n = syscall(SYS_shmdt, NULL);
	xp_line(me, "shmdt(NULL) = %s", xp_res(n));
	return 0;
}

/* Constants as numbers (-X raw), or numbers and names (-X verbose). */
static int run_styles(int verbose)
{
	long s, h, n;

	s = syscall(SYS_semget, IPC_PRIVATE, 1, IPC_CREAT | 0600);
	xp_line(me, "semget(%s, 1, %s|0600) = %s", verbose ? "0 /* IPC_PRIVATE */" : "0",
		verbose ? "0x200 /* IPC_CREAT */" : "0x200", xp_res(s));
	n = syscall(SYS_semctl, s, 0, IPC_64 | 99, 0);
	xp_line(me, "semctl(%ld, 0, %s, %s) = %s", s,
		verbose ? "0x100 /* IPC_64 */|0x63 /* SEM_??? */" : "0x100|0x63", "NULL",
		xp_res(n));
	n = syscall(SYS_semctl, s, 0, IPC_RMID, 0);
	xp_line(me, "semctl(%ld, 0, %s, NULL) = %s", s, verbose ? "0 /* IPC_RMID */" : "0",
		xp_res(n));
	n = syscall(SYS_shmget, IPC_PRIVATE, 4096, IPC_CREAT | SHM_HUGETLB | 21 << 26 | 0600);
	xp_line(me, "shmget(%s, 4096, %s|0600) = %s", verbose ? "0 /* IPC_PRIVATE */" : "0",
		verbose ? "0xa00 /* IPC_CREAT|SHM_HUGETLB */|21<<26 /* SHM_HUGE_SHIFT */"
			: "0xa00|21<<26",
		xp_res(n));
	h = syscall(SYS_shmget, IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	xp_line(me, "shmget(%s, 4096, %s|0600) = %s", verbose ? "0 /* IPC_PRIVATE */" : "0",
		verbose ? "0x200 /* IPC_CREAT */" : "0x200", xp_res(h));
	n = syscall(SYS_shmctl, h, IPC_RMID, NULL);
	xp_line(me, "shmctl(%ld, %s, NULL) = %s", h, verbose ? "0 /* IPC_RMID */" : "0", xp_res(n));
	return 0;
}

static int run_raw(void)
{
	return run_styles(0);
}

static int run_verbose(void)
{
	return run_styles(1);
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {{"basic", run_basic},
					       {"errors", run_errors},
					       {"raw", run_raw},
					       {"verbose", run_verbose},
					       {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_ipc", argc, argv, modes);
}
