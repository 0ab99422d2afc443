/* -v: the unabbreviated structs, as strace 6.1 prints them. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <fcntl.h>
#include <linux/stat.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>

#include "test_sys_harness.h"

static void verbose_setup(void)
{
	setup();
	opts.verbose = true;
	setenv("TZ", "UTC", 1);
	tzset();
}

TestSuite(sys_verbose, .init = verbose_setup, .fini = teardown);

#define FDCWD ((uint64_t)(int64_t)AT_FDCWD)

Test(sys_verbose, stat_every_field_with_dates)
{
	static struct stat st;
	memset(&st, 0, sizeof(st));
	st.st_dev = makedev(0xfe, 0);
	st.st_ino = 42;
	st.st_mode = S_IFREG | 0644;
	st.st_nlink = 1;
	st.st_blksize = 4096;
	st.st_blocks = 8;
	st.st_size = 1262;
	st.st_atim = (struct timespec){1795853886, 183747282};
	st.st_mtim = (struct timespec){1685210301, 0};
	map(0x1000, "/f", 3);
	map(0x2000, &st, sizeof(st));
	cr_expect_str_eq(
		RUN("newfstatat", 0, FDCWD, 0x1000, 0x2000, 0),
		"newfstatat(AT_FDCWD, \"/f\", {st_dev=makedev(0xfe, 0), st_ino=42, "
		"st_mode=S_IFREG|0644, st_nlink=1, st_uid=0, st_gid=0, st_blksize=4096, "
		"st_blocks=8, "
		"st_size=1262, st_atime=1795853886 /* 2026-11-28T08:18:06.183747282+0000 */, "
		"st_atime_nsec=183747282, st_mtime=1685210301 /* 2023-05-27T17:58:21+0000 */, "
		"st_mtime_nsec=0, st_ctime=0, st_ctime_nsec=0}, 0) = 0");
}

Test(sys_verbose, statx_btime_only_when_the_mask_has_it)
{
	static struct statx stx;
	memset(&stx, 0, sizeof(stx));
	stx.stx_mask = STATX_BASIC_STATS | STATX_MNT_ID;
	stx.stx_mode = S_IFDIR | 0755;
	stx.stx_btime.tv_sec = 5;
	stx.stx_mnt_id = 0x1b;
	map(0x1000, "/", 2);
	map(0x2000, &stx, sizeof(stx));
	cr_expect_str_eq(
		RUN("statx", 0, FDCWD, 0x1000, 0, STATX_SIZE, 0x2000),
		"statx(AT_FDCWD, \"/\", AT_STATX_SYNC_AS_STAT, STATX_SIZE, "
		"{stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_blksize=0, stx_attributes=0, "
		"stx_nlink=0, stx_uid=0, stx_gid=0, stx_mode=S_IFDIR|0755, stx_ino=0, "
		"stx_size=0, stx_blocks=0, stx_attributes_mask=0, stx_atime={tv_sec=0, "
		"tv_nsec=0}, stx_ctime={tv_sec=0, tv_nsec=0}, stx_mtime={tv_sec=0, tv_nsec=0}, "
		"stx_rdev_major=0, stx_rdev_minor=0, stx_dev_major=0, stx_dev_minor=0, "
		"stx_mnt_id=0x1b}) = 0");
}

Test(sys_verbose, getrusage_every_counter)
{
	static struct rusage ru;
	memset(&ru, 0, sizeof(ru));
	ru.ru_utime.tv_usec = 1422;
	ru.ru_maxrss = 968;
	ru.ru_nvcsw = 76;
	map(0x1000, &ru, sizeof(ru));
	cr_expect_str_eq(
		RUN("getrusage", 0, RUSAGE_SELF, 0x1000),
		"getrusage(RUSAGE_SELF, {ru_utime={tv_sec=0, tv_usec=1422}, ru_stime={tv_sec=0, "
		"tv_usec=0}, ru_maxrss=968, ru_ixrss=0, ru_idrss=0, ru_isrss=0, ru_minflt=0, "
		"ru_majflt=0, ru_nswap=0, ru_inblock=0, ru_oublock=0, ru_msgsnd=0, ru_msgrcv=0, "
		"ru_nsignals=0, ru_nvcsw=76, ru_nivcsw=0}) = 0");
}

Test(sys_verbose, execve_shows_the_whole_environment)
{
	static char strs[] = "/bin/x\0x\0A=1\0B=2";
	static uint64_t argv[2], envp[3];
	argv[0] = 0x1000 + 7;
	envp[0] = 0x1000 + 9;
	envp[1] = 0x1000 + 13;
	map(0x1000, strs, sizeof(strs));
	map(0x2000, argv, sizeof(argv));
	map(0x3000, envp, sizeof(envp));
	cr_expect_str_eq(RUN("execve", 0, 0x1000, 0x2000, 0x3000),
			 "execve(\"/bin/x\", [\"x\"], [\"A=1\", \"B=2\"]) = 0");
}

Test(sys_verbose, getdents64_entries)
{
	static unsigned char buf[48];
	memset(buf, 0, sizeof(buf));
	uint64_t ino = 7;
	int64_t off = 99;
	uint16_t reclen = 24;
	memcpy(buf, &ino, 8);
	memcpy(buf + 8, &off, 8);
	memcpy(buf + 16, &reclen, 2);
	buf[18] = DT_DIR;
	buf[19] = '.';
	memcpy(buf + 24, buf, 24);
	buf[24 + 18] = DT_REG;
	buf[24 + 19] = 'f';
	map(0x1000, buf, sizeof(buf));
	cr_expect_str_eq(
		RUN("getdents64", 48, 3, 0x1000, 32768),
		"getdents64(3, [{d_ino=7, d_off=99, d_reclen=24, d_type=DT_DIR, d_name=\".\"}, "
		"{d_ino=7, d_off=99, d_reclen=24, d_type=DT_REG, d_name=\"f\"}], 32768) = 48");
	cr_expect_str_eq(RUN("getdents64", 0, 3, 0x1000, 32768), "getdents64(3, [], 32768) = 0");
}
