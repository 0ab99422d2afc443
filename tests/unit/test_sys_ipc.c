/*
 * SysV IPC against a fake tracee memory, on x86_64 and i386 (direct calls and ipc(2)).
 * Every expected line is strace 6.1's for the same call (checked with programs that made
 * them: testprogs/tp_ipc_keys.c and the like, under -X raw and -X verbose too).
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <linux/ipc.h>
#include <linux/msg.h>
#include <linux/sem.h>
#include <linux/shm.h>
#include <stdint.h>
#include <string.h>

#include "test_sys_harness.h"

TestSuite(sys_ipc, .init = setup, .fini = teardown);

/* ipc(2)'s call numbers (the kernel's include/linux/ipc.h, no UAPI header has them). */
enum { I_SEMOP = 1, I_SEMGET = 2, I_SEMCTL = 3, I_MSGRCV = 12, I_SHMAT = 21 };

Test(sys_ipc, keys_flags_and_modes)
{
	cr_expect_str_eq(RUN("semget", 2, IPC_PRIVATE, 2, IPC_CREAT | IPC_EXCL | 0600),
			 "semget(IPC_PRIVATE, 2, IPC_CREAT|IPC_EXCL|0600) = 2");
	cr_expect_str_eq(RUN("semget", -ENOENT, 0x1234, 1, 0),
			 "semget(0x1234, 1, 000) = -1 ENOENT (No such file or directory)");
	cr_expect_str_eq(
		RUN("semget", -ENOENT, 0xffffffffffffffffULL, 1, IPC_EXCL),
		"semget(0xffffffff, 1, IPC_EXCL|000) = -1 ENOENT (No such file or directory)");
	cr_expect_str_eq(RUN("msgget", 5, IPC_PRIVATE, IPC_CREAT | IPC_EXCL | 0640),
			 "msgget(IPC_PRIVATE, IPC_CREAT|IPC_EXCL|0640) = 5");
	cr_expect_str_eq(RUN("shmget", 5, IPC_PRIVATE, 4096, IPC_CREAT | SHM_NORESERVE | 0600),
			 "shmget(IPC_PRIVATE, 4096, IPC_CREAT|SHM_NORESERVE|0600) = 5");
	cr_expect_str_eq(
		RUN("shmget", -ENOMEM, IPC_PRIVATE, 4096,
		    IPC_CREAT | SHM_HUGETLB | 21 << SHM_HUGE_SHIFT | 0600),
		"shmget(IPC_PRIVATE, 4096, IPC_CREAT|SHM_HUGETLB|21<<SHM_HUGE_SHIFT|0600) = "
		"-1 ENOMEM (Cannot allocate memory)");
}

/* strace 6.1 runs flags no name covers into the mode, but under -X raw. */
Test(sys_ipc, unnamed_flags_run_into_the_mode)
{
	cr_expect_str_eq(RUN("semget", 3, IPC_PRIVATE, 1, 0x4000 | 0644),
			 "semget(IPC_PRIVATE, 1, 0x40000644) = 3");
	cr_expect_str_eq(RUN("semget", 3, 0x1234, 1, 0x4000 | IPC_CREAT | 0600),
			 "semget(0x1234, 1, IPC_CREAT|0x4000|0600) = 3");
	cr_expect_str_eq(RUN("shmget", 3, 0, 4096, 0x4000 | 21 << SHM_HUGE_SHIFT | 0600),
			 "shmget(IPC_PRIVATE, 4096, 0x4000|21<<SHM_HUGE_SHIFT|0600) = 3");
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(RUN("msgget", -ENOENT, 0x1234, 0x4000),
			 "msgget(0x1234, 0x4000|000) = -1 ENOENT (No such file or directory)");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(RUN("msgget", -ENOENT, 0x1234, 0x4000),
			 "msgget(0x1234, 0x4000000) = -1 ENOENT (No such file or directory)");
	cr_expect_str_eq(
		RUN("shmget", 3, 0, 4096, 0x4000 | 21 << SHM_HUGE_SHIFT | 0600),
		"shmget(0 /* IPC_PRIVATE */, 4096, 0x4000|21<<26 /* SHM_HUGE_SHIFT */|0600) = "
		"3");
}

Test(sys_ipc, keys_and_flags_raw_and_verbose)
{
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(RUN("semget", 10, IPC_PRIVATE, 2, IPC_CREAT | 0600),
			 "semget(0, 2, 0x200|0600) = 10");
	cr_expect_str_eq(
		RUN("semget", -ENOENT, 0x7fffffff, 1, 0x8000000),
		"semget(0x7fffffff, 1, 0x8000000|000) = -1 ENOENT (No such file or directory)");
	cr_expect_str_eq(RUN("shmget", -ENOMEM, 0, 4096, IPC_CREAT | SHM_HUGETLB | 21 << 26 | 0600),
			 "shmget(0, 4096, 0xa00|21<<26|0600) = -1 ENOMEM (Cannot allocate memory)");
	cr_expect_str_eq(RUN("semctl", -EINVAL, 9, 0, IPC_64 | IPC_STAT, 0),
			 "semctl(9, 0, 0x100|0x2, NULL) = -1 EINVAL (Invalid argument)");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(RUN("msgget", 7, IPC_PRIVATE, IPC_CREAT | IPC_EXCL | 0640),
			 "msgget(0 /* IPC_PRIVATE */, 0x600 /* IPC_CREAT|IPC_EXCL */|0640) = 7");
	cr_expect_str_eq(
		RUN("shmget", -ENOMEM, 0, 4096, IPC_CREAT | SHM_HUGETLB | 21 << 26 | 0600),
		"shmget(0 /* IPC_PRIVATE */, 4096, 0xa00 /* IPC_CREAT|SHM_HUGETLB */|21<<26 "
		"/* SHM_HUGE_SHIFT */|0600) = -1 ENOMEM (Cannot allocate memory)");
	cr_expect_str_eq(RUN("semctl", -EINVAL, 9, 0, IPC_64 | 99, 0),
			 "semctl(9, 0, 0x100 /* IPC_64 */|0x63 /* SEM_??? */, NULL) = -1 EINVAL "
			 "(Invalid argument)");
	cr_expect_str_eq(RUN("shmat", 0x7f2d303eb000, 7, 0, SHM_EXEC),
			 "shmat(7, NULL, 0x8000 /* SHM_EXEC */) = 0x7f2d303eb000");
}

Test(sys_ipc, sembuf_arrays)
{
	static const struct sembuf ops[3] = {
		{0, -1, 0x4000 | IPC_NOWAIT}, {1, 2, SEM_UNDO | IPC_NOWAIT}, {2, 3, 0}};
	static const struct timespec ts = {0, 1000};
	map(0x1000, ops, sizeof(ops));
	map(0x2000, &ts, sizeof(ts));
	cr_expect_str_eq(
		RUN("semop", -EFBIG, 9, 0x1000, 3),
		"semop(9, [{sem_num=0, sem_op=-1, sem_flg=IPC_NOWAIT|0x4000}, {sem_num=1, "
		"sem_op=2, sem_flg=SEM_UNDO|IPC_NOWAIT}, {sem_num=2, sem_op=3, sem_flg=0}], "
		"3) = -1 EFBIG (File too large)");
	cr_expect_str_eq(RUN("semop", -EINVAL, 9, 0x1000, 0),
			 "semop(9, [], 0) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("semtimedop", -EFAULT, 2, 0, 1, 0),
			 "semtimedop(2, NULL, 1, NULL) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("semtimedop", -EFAULT, 2, 1, 1, 0),
			 "semtimedop(2, 0x1, 1, NULL) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("semtimedop", 0, 2, 0x1000 + 2 * sizeof(ops[0]), 1, 0x2000),
			 "semtimedop(2, [{sem_num=2, sem_op=3, sem_flg=0}], 1, {tv_sec=0, "
			 "tv_nsec=1000}) = 0");
	/* The array runs past what is mapped: it ends with the address it could not read. */
	cr_expect_str_eq(
		RUN("semop", -EFAULT, 9, 0x1000 + sizeof(ops[0]), 3),
		"semop(9, [{sem_num=1, sem_op=2, sem_flg=SEM_UNDO|IPC_NOWAIT}, {sem_num=2, "
		"sem_op=3, sem_flg=0}, ... /* 0x1012 */], 3) = -1 EFAULT (Bad address)");
}

Test(sys_ipc, huge_sembuf_count_stops_at_s)
{
	static struct sembuf many[40];
	map(0x1000, many, sizeof(many));
	const char *line = RUN("semop", -E2BIG, 9, 0x1000, 1000000);
	cr_expect(strstr(line, "{sem_num=0, sem_op=0, sem_flg=0}, ...], 1000000) = -1 E2BIG"), "%s",
		  line);
}

/* A semid64_ds for x86_64: ipc64_perm (48 bytes: key, uid, gid, cuid, cgid, mode as
 * 32-bit words), then words. */
#define MODE_0600 (0600ULL << 32)
static const uint64_t sem64[13] = {0, 0, MODE_0600, 0, 0, 0, 1796165534, 0, 1796165535, 0, 2};

Test(sys_ipc, semctl_commands_and_structs)
{
	map(0x3000, sem64, sizeof(sem64));
	cr_expect_str_eq(
		RUN("semctl", 0, 9, 0, IPC_STAT, 0x3000),
		"semctl(9, 0, IPC_STAT, {sem_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, "
		"cgid=0}, sem_otime=1796165534, sem_ctime=1796165535, sem_nsems=2}) = 0");
	cr_expect_str_eq(RUN("semctl", 0, 9, 0, IPC_SET, 0x3000),
			 "semctl(9, 0, IPC_SET, {sem_perm={uid=0, gid=0, mode=0600}}) = 0");
	cr_expect_str_eq(RUN("semctl", -EFAULT, 9, 0, IPC_STAT, 1),
			 "semctl(9, 0, IPC_STAT, 0x1) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("semctl", -EFAULT, 9, 0, IPC_STAT, 0),
			 "semctl(9, 0, IPC_STAT, NULL) = -1 EFAULT (Bad address)");
	/* A struct cut short by unmapped memory: its address. */
	cr_expect_str_eq(RUN("semctl", 0, 9, 0, IPC_STAT, 0x3000 + 8),
			 "semctl(9, 0, IPC_STAT, 0x3008) = 0");
	cr_expect_str_eq(RUN("semctl", 3, 2, 0, GETVAL, 0), "semctl(2, 0, GETVAL, NULL) = 3");
	cr_expect_str_eq(RUN("semctl", 0, 2, 1, SETVAL, 0x7ffc00000005),
			 "semctl(2, 1, SETVAL, 0x7ffc00000005) = 0");
	cr_expect_str_eq(RUN("semctl", -EINVAL, 9, 0, 99, 0),
			 "semctl(9, 0, 0x63 /* SEM_??? */, NULL) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("semctl", -EINVAL, 9, 0, IPC_64 | 99, 0),
			 "semctl(9, 0, IPC_64|0x63 /* SEM_??? */, NULL) = -1 EINVAL (Invalid "
			 "argument)");
}

/* aarch64's semid64_ds is the generic one: no unused word after each time (88 bytes). */
static const uint64_t sem64_generic[11] = {0, 0, MODE_0600, 0, 0, 0, 1796165534, 1796165535, 2};

Test(sys_ipc, semctl_struct_of_the_generic_layout)
{
	harness_abi = ABI_AARCH64;
	map(0x3000, sem64_generic, sizeof(sem64_generic));
	cr_expect_str_eq(
		RUN("semctl", 0, 9, 0, IPC_STAT, 0x3000),
		"semctl(9, 0, IPC_STAT, {sem_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, "
		"cgid=0}, sem_otime=1796165534, sem_ctime=1796165535, sem_nsems=2}) = 0");
}

Test(sys_ipc, info_structs)
{
	static const int32_t si[10] = {1024000000, 32000, 1024000000, 1024000000, 32000,
				       500,	   500,	  20,	      32767,	  32767};
	static const int32_t mi[8] = {512000, 16384, 8192, 16384, 32000, 16, 16384, 65535};
	static const uint64_t shi[9] = {18446744073692774399ULL, 1, 4096, 4096,
					18446744073692774399ULL};
	static const uint64_t shinfo[6] = {3, 3, 0, 0, 0, 0};
	map(0x1000, si, sizeof(si));
	map(0x2000, mi, sizeof(mi));
	map(0x3000, shi, sizeof(shi));
	map(0x4000, shinfo, sizeof(shinfo));
	cr_expect_str_eq(
		RUN("semctl", 9, 9, 0, IPC_INFO, 0x1000),
		"semctl(9, 0, IPC_INFO, {semmap=1024000000, semmni=32000, semmns=1024000000, "
		"semmnu=1024000000, semmsl=32000, semopm=500, semume=500, semusz=20, "
		"semvmx=32767, semaem=32767}) = 9");
	cr_expect_str_eq(RUN("msgctl", 5, 5, MSG_INFO, 0x2000),
			 "msgctl(5, MSG_INFO, {msgpool=512000, msgmap=16384, msgmax=8192, "
			 "msgmnb=16384, msgmni=32000, msgssz=16, msgtql=16384, msgseg=65535}) = 5");
	cr_expect_str_eq(RUN("shmctl", 5, 5, IPC_INFO, 0x3000),
			 "shmctl(5, IPC_INFO, {shmmax=18446744073692774399, shmmin=1, shmmni=4096, "
			 "shmseg=4096, shmall=18446744073692774399}) = 5");
	cr_expect_str_eq(RUN("shmctl", 5, 5, SHM_INFO, 0x4000),
			 "shmctl(5, SHM_INFO, {used_ids=3, shm_tot=3, shm_rss=0, shm_swp=0, "
			 "swap_attempts=0, swap_successes=0}) = 5");
	/* Failed: the address, as at entry. */
	cr_expect_str_eq(RUN("shmctl", -EFAULT, 5, IPC_INFO, 0),
			 "shmctl(5, IPC_INFO, NULL) = -1 EFAULT (Bad address)");
}

Test(sys_ipc, msgctl_and_shmctl_structs)
{
	static const uint64_t msq[15] = {0,
					 0,
					 MODE_0600,
					 0,
					 0,
					 0,
					 1796154014,
					 1796154015,
					 1796154016,
					 0,
					 0,
					 16384,
					 10642 | (uint64_t)10643 << 32};
	static const uint64_t shm[14] = {0,
					 0,
					 MODE_0600,
					 0,
					 0,
					 0,
					 4096,
					 1796154014,
					 0,
					 1796154016,
					 18559 | (uint64_t)18560 << 32,
					 1};
	map(0x1000, msq, sizeof(msq));
	map(0x2000, shm, sizeof(shm));
	cr_expect_str_eq(
		RUN("msgctl", 0, 2, IPC_STAT, 0x1000),
		"msgctl(2, IPC_STAT, {msg_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, "
		"cgid=0}, msg_stime=1796154014, msg_rtime=1796154015, msg_ctime=1796154016, "
		"msg_qnum=0, msg_qbytes=16384, msg_lspid=10642, msg_lrpid=10643}) = 0");
	cr_expect_str_eq(
		RUN("msgctl", 0, 2, IPC_SET, 0x1000),
		"msgctl(2, IPC_SET, {msg_perm={uid=0, gid=0, mode=0600}, msg_qbytes=16384}) "
		"= 0");
	cr_expect_str_eq(RUN("msgctl", -EINVAL, 5, 99, 0x7ffda518d4a0),
			 "msgctl(5, 0x63 /* MSG_??? */, 0x7ffda518d4a0) = -1 EINVAL (Invalid "
			 "argument)");
	cr_expect_str_eq(RUN("shmctl", 0, 5, IPC_STAT, 0x2000),
			 "shmctl(5, IPC_STAT, {shm_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, "
			 "cgid=0}, shm_segsz=4096, shm_cpid=18559, shm_lpid=18560, shm_nattch=1, "
			 "shm_atime=1796154014, shm_dtime=0, shm_ctime=1796154016}) = 0");
	cr_expect_str_eq(RUN("shmctl", 0, 5, IPC_SET, 0x2000),
			 "shmctl(5, IPC_SET, {shm_perm={uid=0, gid=0, mode=0600}}) = 0");
	cr_expect_str_eq(RUN("shmctl", -EINVAL, 5, 99, 0),
			 "shmctl(5, 0x63 /* SHM_??? */, NULL) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("shmctl", 0, 5, SHM_UNLOCK, 0), "shmctl(5, SHM_UNLOCK, NULL) = 0");
}

Test(sys_ipc, messages)
{
	static const struct {
		int64_t type;
		char text[40];
	} m = {-5, "0123456789012345678901234567890123456789"};
	map(0x1000, &m, sizeof(m));
	cr_expect_str_eq(RUN("msgsnd", -EINVAL, 5, 0x1000, 40, 0x40000),
			 "msgsnd(5, {mtype=-5, mtext=\"01234567890123456789012345678901\"...}, 40, "
			 "0x40000 /* MSG_??? */) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("msgsnd", -EFAULT, 5, 0, 4, 0),
			 "msgsnd(5, NULL, 4, 0) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("msgsnd", -EFAULT, 5, 1, 4, 0),
			 "msgsnd(5, 0x1, 4, 0) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(
		RUN("msgrcv", 5, 5, 0x1000, 8, 0, MSG_NOERROR | IPC_NOWAIT),
		"msgrcv(5, {mtype=-5, mtext=\"01234567\"}, 8, 0, MSG_NOERROR|IPC_NOWAIT) = 5");
	cr_expect_str_eq(RUN("msgrcv", -EINVAL, 5, 0x1000, 40, 4294967289,
			     MSG_EXCEPT | MSG_COPY | IPC_NOWAIT),
			 "msgrcv(5, 0x1000, 40, 4294967289, MSG_EXCEPT|MSG_COPY|IPC_NOWAIT) = -1 "
			 "EINVAL (Invalid argument)");
}

Test(sys_ipc, shmat_shmdt)
{
	cr_expect_str_eq(RUN("shmat", 0x7f217e40e000, 2, 0, SHM_RDONLY),
			 "shmat(2, NULL, SHM_RDONLY) = 0x7f217e40e000");
	cr_expect_str_eq(RUN("shmat", 0x1000, 2, 0x1000, SHM_RND | SHM_REMAP | 0x10000000),
			 "shmat(2, 0x1000, SHM_RND|SHM_REMAP|0x10000000) = 0x1000");
	cr_expect_str_eq(RUN("shmat", 0x7f7a1c72c000, 5, 0, 0xf0000000),
			 "shmat(5, NULL, 0xf0000000 /* SHM_??? */) = 0x7f7a1c72c000");
	cr_expect_str_eq(RUN("shmdt", -EINVAL, 0), "shmdt(NULL) = -1 EINVAL (Invalid argument)");
}

/* i386's semid64_ds: ipc64_perm (36 bytes), then each time and its high word. */
static const uint32_t sem32[16] = {0, 0,	  0, 0,		 0, 0600, 0, 0,
				   0, 1796154014, 0, 1796154015, 0, 2,	  0, 0};

Test(sys_ipc, i386_direct_calls)
{
	harness_abi = ABI_I386;
	map(0x3000, sem32, sizeof(sem32));
	cr_expect_str_eq(
		RUN("semctl", 0, 4, 0, IPC_64 | IPC_STAT, 0x3000),
		"semctl(4, 0, IPC_64|IPC_STAT, {sem_perm={uid=0, gid=0, mode=0600, key=0, "
		"cuid=0, cgid=0}, sem_otime=1796154014, sem_ctime=1796154015, sem_nsems=2}) "
		"= 0");
	/* The direct calls take the IPC_64 structs, IPC_64 or not. */
	cr_expect_str_eq(
		RUN("semctl", 0, 4, 0, IPC_STAT, 0x3000),
		"semctl(4, 0, IPC_STAT, {sem_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, "
		"cgid=0}, sem_otime=1796154014, sem_ctime=1796154015, sem_nsems=2}) = 0");
	cr_expect_str_eq(RUN("semctl", -EINVAL, 4, 0, 99, 0),
			 "semctl(4, 0, 0x63 /* SEM_??? */, NULL) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("semctl", -EFAULT, 4, 0, IPC_STAT, 0),
			 "semctl(4, 0, IPC_STAT, NULL) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("semctl", 3, 4, 0, IPC_64 | GETVAL, 0),
			 "semctl(4, 0, IPC_64|GETVAL, NULL) = 3");
	cr_expect_str_eq(RUN("semctl", 0, 4, 1, IPC_64 | SETVAL, 5),
			 "semctl(4, 1, IPC_64|SETVAL, 0x5) = 0");
	cr_expect_str_eq(RUN("semctl", 0, 4, 0, IPC_64 | GETALL, 0xff843354),
			 "semctl(4, 0, IPC_64|GETALL, 0xff843354) = 0");
	/* msqid64_ds: stime, stime_high, rtime, rtime_high, ctime, ctime_high, then words. */
	static const uint32_t msq32[22] = {0, 0, 0,	     0,	    0,		0600, 0,
					   0, 0, 1796154014, 0,	    1796154015, 0,    1796154016,
					   0, 0, 0,	     16384, 10649,	10650};
	map(0x5000, msq32, sizeof(msq32));
	cr_expect_str_eq(RUN("msgctl", 0, 3, IPC_64 | IPC_STAT, 0x5000),
			 "msgctl(3, IPC_64|IPC_STAT, {msg_perm={uid=0, gid=0, mode=0600, key=0, "
			 "cuid=0, cgid=0}, msg_stime=1796154014, msg_rtime=1796154015, "
			 "msg_ctime=1796154016, msg_qnum=0, msg_qbytes=16384, msg_lspid=10649, "
			 "msg_lrpid=10650}) = 0");
	cr_expect_str_eq(RUN("msgctl", 0, 3, IPC_64 | IPC_SET, 0x5000),
			 "msgctl(3, IPC_64|IPC_SET, {msg_perm={uid=0, gid=0, mode=0600}, "
			 "msg_qbytes=16384}) = 0");
	cr_expect_str_eq(RUN("msgctl", -EFAULT, 3, IPC_64 | MSG_STAT, 0),
			 "msgctl(3, IPC_64|MSG_STAT, NULL) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("shmat", 0xf7f38000, 3, 0, SHM_RDONLY),
			 "shmat(3, NULL, SHM_RDONLY) = 0xf7f38000");
}

/* i386's semtimedop_time64 takes a 64-bit timespec; semtimedop through ipc(2) a 32-bit one. */
Test(sys_ipc, i386_timeouts)
{
	static const struct sembuf op = {0, 1, 0};
	static const int64_t ts64[2] = {1, 1000};
	static const int32_t ts32[2] = {2, 3000};
	harness_abi = ABI_I386;
	map(0x1000, &op, sizeof(op));
	map(0x2000, ts64, sizeof(ts64));
	map(0x3000, ts32, sizeof(ts32));
	cr_expect_str_eq(RUN("semtimedop_time64", 0, 2, 0x1000, 1, 0x2000),
			 "semtimedop_time64(2, [{sem_num=0, sem_op=1, sem_flg=0}], 1, {tv_sec=1, "
			 "tv_nsec=1000}) = 0");
	cr_expect_str_eq(RUN("ipc", 0, 4, 2, 1, 0, 0x1000, 0x3000),
			 "semtimedop(2, [{sem_num=0, sem_op=1, sem_flg=0}], 1, {tv_sec=2, "
			 "tv_nsec=3000}) = 0");
}

Test(sys_ipc, i386_through_ipc)
{
	static const uint32_t semun_stat = 0x3000, semun_val = 5, raddr = 0xf7ed7000;
	static const struct sembuf op = {0, 1, 0};
	static const uint32_t kludge[2] = {0x5000, 0};
	static const struct {
		int32_t type;
		char text[8];
	} m = {1, "hi"};
	harness_abi = ABI_I386;
	map(0x1000, &semun_stat, 4);
	map(0x1100, &semun_val, 4);
	map(0x1200, &raddr, 4);
	map(0x2000, &op, sizeof(op));
	map(0x3000, sem32, sizeof(sem32));
	map(0x4000, kludge, sizeof(kludge));
	map(0x5000, &m, sizeof(m));
	cr_expect_str_eq(
		RUN("ipc", 0, I_SEMCTL, 8, 0, IPC_64 | IPC_STAT, 0x1000),
		"semctl(8, 0, IPC_64|IPC_STAT, {sem_perm={uid=0, gid=0, mode=0600, key=0, "
		"cuid=0, cgid=0}, sem_otime=1796154014, sem_ctime=1796154015, sem_nsems=2}) "
		"= 0");
	/* Through ipc(2) without IPC_64: the old struct semid_ds, whose layout ptrc does not
	 * know. */
	cr_expect_str_eq(RUN("ipc", 0, I_SEMCTL, 8, 0, IPC_STAT, 0x1000),
			 "semctl(8, 0, IPC_STAT, 0x3000) = 0");
	cr_expect_str_eq(RUN("ipc", 0, I_SEMCTL, 8, 0, IPC_64 | SETVAL, 0x1100),
			 "semctl(8, 0, IPC_64|SETVAL, [0x5]) = 0");
	cr_expect_str_eq(RUN("ipc", -EFAULT, I_SEMCTL, 8, 0, IPC_64 | SETVAL, 1),
			 "semctl(8, 0, IPC_64|SETVAL, 0x1) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("ipc", -EINVAL, I_SEMCTL, 8, 0, IPC_64 | GETVAL, 0),
			 "semctl(8, 0, IPC_64|GETVAL, NULL) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("ipc", 0, I_SEMOP, 8, 1, 0, 0x2000),
			 "semop(8, [{sem_num=0, sem_op=1, sem_flg=0}], 1) = 0");
	cr_expect_str_eq(
		RUN("ipc", 2, I_MSGRCV, 4, 8, IPC_NOWAIT, 0x4000),
		"msgrcv(4, {mtype=1, mtext=\"hi\\0\\0\\0\\0\\0\\0\"}, 8, 0, IPC_NOWAIT) = 2");
	/* The kernel writes the address at the third argument and returns 0. */
	cr_expect_str_eq(RUN("ipc", 0, I_SHMAT, 4, SHM_RDONLY, 0x1200, 0),
			 "shmat(4, NULL, SHM_RDONLY) = 0xf7ed7000");
	cr_expect_str_eq(RUN("ipc", -ENOSYS, 99, 14, 0, 0, 0, 0),
			 "ipc(99, 0xe, 0, 0, 0, 0) = -1 ENOSYS (Function not implemented)");
}
