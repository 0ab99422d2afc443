/*
 * The new mount API, Landlock, fanotify, POSIX message queues, pidfd_open and
 * sched_getscheduler against a fake tracee memory.  Every expected line is strace 6.1's for
 * the same call (checked with programs that made them, testprogs/tp_fsapi.c among them).
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/fanotify.h>
#include <linux/landlock.h>
#include <linux/mount.h>
#include <stdint.h>
#include <signal.h>
#include <string.h>
#include <time.h>

#include "test_sys_harness.h"

TestSuite(sys_mount, .init = setup, .fini = teardown);

#define CWD ((uint64_t)(int64_t)AT_FDCWD)

static void strings(void)
{
	map(0x1000, "tmpfs", 6);
	map(0x1100, "size", 5);
	map(0x1200, "1m", 3);
	map(0x1300, "abc", 3);
	map(0x1400, "/tmp", 5);
}

Test(sys_mount, mount_api_flags)
{
	strings();
	cr_expect_str_eq(RUN("fsopen", 3, 0x1000, FSOPEN_CLOEXEC),
			 "fsopen(\"tmpfs\", FSOPEN_CLOEXEC) = 3");
	cr_expect_str_eq(RUN("fsopen", -EINVAL, 0x1000, 2),
			 "fsopen(\"tmpfs\", 0x2 /* FSOPEN_??? */) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("fsopen", -EFAULT, 0, 0), "fsopen(NULL, 0) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(
		RUN("fsmount", 4, 3, FSMOUNT_CLOEXEC, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID),
		"fsmount(3, FSMOUNT_CLOEXEC, MOUNT_ATTR_RDONLY|MOUNT_ATTR_NOSUID) = 4");
	cr_expect_str_eq(RUN("fsmount", -EINVAL, 3, 0, 0x1000000),
			 "fsmount(3, 0, 0x1000000 /* MOUNT_ATTR_??? */) = -1 EINVAL (Invalid "
			 "argument)");
	cr_expect_str_eq(
		RUN("fspick", -EINVAL, CWD, 0x1400, FSPICK_CLOEXEC | FSPICK_NO_AUTOMOUNT),
		"fspick(AT_FDCWD, \"/tmp\", FSPICK_CLOEXEC|FSPICK_NO_AUTOMOUNT) = -1 EINVAL "
		"(Invalid argument)");
	cr_expect_str_eq(RUN("open_tree", 5, CWD, 0x1400, OPEN_TREE_CLONE),
			 "open_tree(AT_FDCWD, \"/tmp\", OPEN_TREE_CLONE) = 5");
	cr_expect_str_eq(RUN("open_tree", 6, CWD, 0x1400,
			     OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_RECURSIVE | AT_EMPTY_PATH),
			 "open_tree(AT_FDCWD, \"/tmp\", "
			 "OPEN_TREE_CLONE|OPEN_TREE_CLOEXEC|AT_EMPTY_PATH|AT_RECURSIVE) = 6");
	cr_expect_str_eq(
		RUN("open_tree", -EINVAL, CWD, 0x1400, 4),
		"open_tree(AT_FDCWD, \"/tmp\", 0x4 /* OPEN_TREE_??? */) = -1 EINVAL (Invalid "
		"argument)");
	cr_expect_str_eq(
		RUN("move_mount", -EINVAL, CWD, 0x1400, CWD, 0x1400, 0x400),
		"move_mount(AT_FDCWD, \"/tmp\", AT_FDCWD, \"/tmp\", 0x400 /* MOVE_MOUNT_??? */) "
		"= -1 EINVAL (Invalid argument)");
}

Test(sys_mount, fsconfig_per_command)
{
	strings();
	cr_expect_str_eq(RUN("fsconfig", 0, 3, FSCONFIG_SET_FLAG, 0x1100, 0, 0),
			 "fsconfig(3, FSCONFIG_SET_FLAG, \"size\", NULL, 0) = 0");
	cr_expect_str_eq(RUN("fsconfig", 0, 3, FSCONFIG_SET_STRING, 0x1100, 0x1200, 0),
			 "fsconfig(3, FSCONFIG_SET_STRING, \"size\", \"1m\", 0) = 0");
	cr_expect_str_eq(
		RUN("fsconfig", -EINVAL, 3, FSCONFIG_SET_BINARY, 0x1100, 0x1300, 3),
		"fsconfig(3, FSCONFIG_SET_BINARY, \"size\", \"\\x61\\x62\\x63\", 3) = -1 EINVAL "
		"(Invalid argument)");
	cr_expect_str_eq(RUN("fsconfig", -EINVAL, 3, FSCONFIG_SET_PATH, 0x1100, 0x1400, CWD),
			 "fsconfig(3, FSCONFIG_SET_PATH, \"size\", \"/tmp\", AT_FDCWD) = -1 EINVAL "
			 "(Invalid argument)");
	cr_expect_str_eq(RUN("fsconfig", -EINVAL, 3, FSCONFIG_SET_FD, 0x1100, 0, 0),
			 "fsconfig(3, FSCONFIG_SET_FD, \"size\", NULL, 0) = -1 EINVAL (Invalid "
			 "argument)");
	cr_expect_str_eq(RUN("fsconfig", 0, 3, FSCONFIG_CMD_CREATE, 0, 0, 0),
			 "fsconfig(3, FSCONFIG_CMD_CREATE, NULL, NULL, 0) = 0");
	cr_expect_str_eq(
		RUN("fsconfig", -EOPNOTSUPP, 3, 99, 0x5640a57e3028, 0x5640a57e3026, 5),
		"fsconfig(3, 0x63 /* FSCONFIG_??? */, 0x5640a57e3028, 0x5640a57e3026, 5) = "
		"-1 EOPNOTSUPP (Operation not supported)");
	/* A blob that cannot be read: its address. */
	cr_expect_str_eq(RUN("fsconfig", -EFAULT, 3, FSCONFIG_SET_BINARY, 0x1100, 0x9000, 3),
			 "fsconfig(3, FSCONFIG_SET_BINARY, \"size\", 0x9000, 3) = -1 EFAULT (Bad "
			 "address)");
}

Test(sys_mount, mount_setattr_struct)
{
	static const struct mount_attr ma = {MOUNT_ATTR_RDONLY, MOUNT_ATTR_NOEXEC, MS_PRIVATE, 0};
	strings();
	map(0x2000, &ma, sizeof(ma));
	cr_expect_str_eq(
		RUN("mount_setattr", -ENOENT, CWD, 0x1400, AT_RECURSIVE, 0x2000, 32),
		"mount_setattr(AT_FDCWD, \"/tmp\", AT_RECURSIVE, {attr_set=MOUNT_ATTR_RDONLY, "
		"attr_clr=MOUNT_ATTR_NOEXEC, propagation=MS_PRIVATE, userns_fd=0}, 32) = -1 "
		"ENOENT (No such file or directory)");
	cr_expect_str_eq(
		RUN("mount_setattr", -EFAULT, CWD, 0x1400, 0, 0, 32),
		"mount_setattr(AT_FDCWD, \"/tmp\", 0, NULL, 32) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(
		RUN("mount_setattr", -EFAULT, CWD, 0x1400, 0, 0x2010, 32),
		"mount_setattr(AT_FDCWD, \"/tmp\", 0, 0x2010, 32) = -1 EFAULT (Bad address)");
}

Test(sys_mount, landlock)
{
	static const uint64_t access = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE;
	static const struct landlock_path_beneath_attr pb = {LANDLOCK_ACCESS_FS_EXECUTE, 0};
	map(0x2000, &access, sizeof(access));
	map(0x3000, &pb, sizeof(pb));
	cr_expect_str_eq(RUN("landlock_create_ruleset", 7, 0, 0, LANDLOCK_CREATE_RULESET_VERSION),
			 "landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION) = 7");
	cr_expect_str_eq(RUN("landlock_create_ruleset", 7, 0x2000, 8, 0),
			 "landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE|"
			 "LANDLOCK_ACCESS_FS_READ_FILE}, 8, 0) = 7");
	cr_expect_str_eq(
		RUN("landlock_create_ruleset", -EINVAL, 0x2000, 8, 4),
		"landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE|"
		"LANDLOCK_ACCESS_FS_READ_FILE}, 8, 0x4 /* LANDLOCK_CREATE_RULESET_??? */) = -1 "
		"EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("landlock_add_rule", 0, 7, LANDLOCK_RULE_PATH_BENEATH, 0x3000, 0),
			 "landlock_add_rule(7, LANDLOCK_RULE_PATH_BENEATH, "
			 "{allowed_access=LANDLOCK_ACCESS_FS_EXECUTE, parent_fd=0}, 0) = 0");
	cr_expect_str_eq(
		RUN("landlock_add_rule", -EINVAL, 7, 7, 0x7ffdc143a7dc, 0),
		"landlock_add_rule(7, 0x7 /* LANDLOCK_RULE_??? */, 0x7ffdc143a7dc, 0) = -1 "
		"EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("landlock_restrict_self", 0, 7, 1),
			 "landlock_restrict_self(7, 0x1) = 0");
}

Test(sys_mount, fanotify)
{
	strings();
	cr_expect_str_eq(RUN("fanotify_init", 8, 0, 0),
			 "fanotify_init(FAN_CLASS_NOTIF, O_RDONLY) = 8");
	cr_expect_str_eq(
		RUN("fanotify_init", 9, FAN_CLASS_CONTENT | FAN_CLOEXEC | FAN_NONBLOCK,
		    O_RDWR | O_CLOEXEC),
		"fanotify_init(FAN_CLASS_CONTENT|FAN_CLOEXEC|FAN_NONBLOCK, O_RDWR|O_CLOEXEC) "
		"= 9");
	cr_expect_str_eq(RUN("fanotify_init", -EINVAL, 0xc, 0x40000000),
			 "fanotify_init(0xc /* FAN_CLASS_??? */, O_RDONLY|0x40000000) = -1 EINVAL "
			 "(Invalid argument)");
	cr_expect_str_eq(
		RUN("fanotify_mark", -EINVAL, 3, FAN_MARK_ADD | FAN_MARK_ONLYDIR,
		    FAN_OPEN | FAN_CLOSE_WRITE | FAN_ONDIR, CWD, 0x1400),
		"fanotify_mark(3, FAN_MARK_ADD|FAN_MARK_ONLYDIR, "
		"FAN_CLOSE_WRITE|FAN_OPEN|FAN_ONDIR, AT_FDCWD, \"/tmp\") = -1 EINVAL (Invalid "
		"argument)");
	cr_expect_str_eq(
		RUN("fanotify_mark", -EINVAL, 3, 0x40000000, 0x8000000000ULL, CWD, 0x1400),
		"fanotify_mark(3, 0x40000000 /* FAN_MARK_??? */, 0x8000000000 /* FAN_??? */, "
		"AT_FDCWD, \"/tmp\") = -1 EINVAL (Invalid argument)");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(
		RUN("fanotify_init", -EINVAL,
		    FAN_CLASS_PRE_CONTENT | FAN_UNLIMITED_QUEUE | 0x10000000, O_WRONLY),
		"fanotify_init(0x8 /* FAN_CLASS_PRE_CONTENT */|0x10000010 /* "
		"FAN_UNLIMITED_QUEUE|0x10000000 */, 0x1 /* O_WRONLY */) = -1 EINVAL (Invalid "
		"argument)");
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(RUN("fanotify_init", -EINVAL,
			     FAN_CLASS_PRE_CONTENT | FAN_UNLIMITED_QUEUE | 0x10000000, O_WRONLY),
			 "fanotify_init(0x8|0x10000010, 0x1) = -1 EINVAL (Invalid argument)");
}

/* fanotify_mark's 64-bit mask takes two registers on i386. */
Test(sys_mount, fanotify_mark_i386)
{
	harness_abi = ABI_I386;
	strings();
	cr_expect_str_eq(
		RUN("fanotify_mark", -EINVAL, 3, FAN_MARK_ADD, FAN_OPEN, 0x80, CWD, 0x1400),
		"fanotify_mark(3, FAN_MARK_ADD, FAN_OPEN|0x8000000000, AT_FDCWD, \"/tmp\") = "
		"-1 EINVAL (Invalid argument)");
}

Test(sys_mount, message_queues)
{
	static const int64_t attr[4] = {0, 4, 16, 0};
	static const struct timespec ts = {1, 5};
	static const int32_t sev[4] = {0, 0, SIGUSR1, SIGEV_SIGNAL};
	map(0x1000, "/tpq", 5);
	map(0x2000, attr, sizeof(attr));
	map(0x3000, &ts, sizeof(ts));
	map(0x4000, sev, sizeof(sev));
	map(0x5000, "msg", 3);
	cr_expect_str_eq(RUN("mq_open", -ENOENT, 0x1000, O_RDONLY, 0600, 0),
			 "mq_open(\"/tpq\", O_RDONLY) = -1 ENOENT (No such file or directory)");
	cr_expect_str_eq(RUN("mq_open", -EACCES, 0x1000, O_RDWR | O_CREAT, 0600, 0x2000),
			 "mq_open(\"/tpq\", O_RDWR|O_CREAT, 0600, {mq_flags=0, mq_maxmsg=4, "
			 "mq_msgsize=16, mq_curmsgs=0}) = -1 EACCES (Permission denied)");
	cr_expect_str_eq(
		RUN("mq_open", -EFAULT, 0x1000, O_RDONLY | O_CREAT, 0600, 1),
		"mq_open(\"/tpq\", O_RDONLY|O_CREAT, 0600, 0x1) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(
		RUN("mq_timedsend", -EBADF, (uint64_t)-1, 0x5000, 3, 1, 0x3000),
		"mq_timedsend(-1, \"msg\", 3, 1, {tv_sec=1, tv_nsec=5}) = -1 EBADF (Bad file "
		"descriptor)");
	cr_expect_str_eq(RUN("mq_timedreceive", -EBADF, (uint64_t)-1, 0x7ffc71b98150, 16,
			     0x7ffc71b9814c, 0x3000),
			 "mq_timedreceive(-1, 0x7ffc71b98150, 16, 0x7ffc71b9814c, {tv_sec=1, "
			 "tv_nsec=5}) = -1 EBADF (Bad file descriptor)");
	cr_expect_str_eq(
		RUN("mq_notify", -EBADF, (uint64_t)-1, 0x4000),
		"mq_notify(-1, {sigev_signo=SIGUSR1, sigev_notify=SIGEV_SIGNAL}) = -1 EBADF "
		"(Bad file descriptor)");
	cr_expect_str_eq(
		RUN("mq_getsetattr", -EBADF, (uint64_t)-1, 0x2000, 0x7ffc71b980c0),
		"mq_getsetattr(-1, {mq_flags=0, mq_maxmsg=4, mq_msgsize=16, mq_curmsgs=0}, "
		"0x7ffc71b980c0) = -1 EBADF (Bad file descriptor)");
}

/* struct sigevent: its value when not 0, and what each kind of notification takes. */
Test(sys_mount, mq_notify_sigevents)
{
	static const uint64_t thr[4] = {0x1234, SIGQUIT | (uint64_t)SIGEV_THREAD << 32, 0x5678,
					0x9abc};
	static const uint64_t none[2] = {0x1234, 3 | (uint64_t)SIGEV_NONE << 32};
	static const uint64_t bad[2] = {0x1234, 3 | (uint64_t)99 << 32};
	static const uint32_t thr32[5] = {0x1234, SIGQUIT, SIGEV_THREAD_ID, 77, 0};
	map(0x1000, thr, sizeof(thr));
	map(0x2000, none, sizeof(none));
	map(0x3000, bad, sizeof(bad));
	cr_expect_str_eq(
		RUN("mq_notify", -EFAULT, (uint64_t)-1, 0x1000),
		"mq_notify(-1, {sigev_value={sival_int=4660, sival_ptr=0x1234}, "
		"sigev_signo=SIGQUIT, sigev_notify=SIGEV_THREAD, sigev_notify_function=0x5678, "
		"sigev_notify_attributes=0x9abc}) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(
		RUN("mq_notify", -EBADF, (uint64_t)-1, 0x2000),
		"mq_notify(-1, {sigev_value={sival_int=4660, sival_ptr=0x1234}, "
		"sigev_signo=3, sigev_notify=SIGEV_NONE}) = -1 EBADF (Bad file descriptor)");
	cr_expect_str_eq(RUN("mq_notify", -EINVAL, (uint64_t)-1, 0x3000),
			 "mq_notify(-1, {sigev_value={sival_int=4660, sival_ptr=0x1234}, "
			 "sigev_signo=3, sigev_notify=0x63 /* SIGEV_??? */}) = -1 EINVAL (Invalid "
			 "argument)");
	cr_expect_str_eq(RUN("mq_notify", -EFAULT, (uint64_t)-1, 1),
			 "mq_notify(-1, 0x1) = -1 EFAULT (Bad address)");
	harness_abi = ABI_I386;
	map(0x4000, thr32, sizeof(thr32));
	cr_expect_str_eq(RUN("mq_notify", -EINVAL, (uint64_t)-1, 0x4000),
			 "mq_notify(-1, {sigev_value={sival_int=4660, sival_ptr=0x1234}, "
			 "sigev_signo=SIGQUIT, sigev_notify=SIGEV_THREAD_ID, "
			 "sigev_notify_thread_id=77}) = -1 EINVAL (Invalid argument)");
}

/* struct mq_attr's longs are 32 bits on i386. */
Test(sys_mount, message_queues_i386)
{
	static const int32_t attr[4] = {O_NONBLOCK, 4, 16, 1};
	harness_abi = ABI_I386;
	map(0x1000, "/tpq", 5);
	map(0x2000, attr, sizeof(attr));
	cr_expect_str_eq(RUN("mq_open", -EACCES, 0x1000, O_RDWR | O_CREAT, 0600, 0x2000),
			 "mq_open(\"/tpq\", O_RDWR|O_CREAT, 0600, {mq_flags=0x800, mq_maxmsg=4, "
			 "mq_msgsize=16, mq_curmsgs=1}) = -1 EACCES (Permission denied)");
}

Test(sys_mount, pidfd_and_scheduler_results)
{
	cr_expect_str_eq(RUN("pidfd_open", 12, 24809, O_NONBLOCK),
			 "pidfd_open(24809, PIDFD_NONBLOCK) = 12");
	cr_expect_str_eq(RUN("sched_getscheduler", 0, 0),
			 "sched_getscheduler(0) = 0 (SCHED_OTHER)");
	cr_expect_str_eq(RUN("sched_getscheduler", -ESRCH, 99999),
			 "sched_getscheduler(99999) = -1 ESRCH (No such process)");
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(RUN("sched_getscheduler", 0, 0),
			 "sched_getscheduler(0) = 0 (SCHED_OTHER)");
}
