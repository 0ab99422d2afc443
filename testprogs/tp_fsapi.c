/* The new mount API, Landlock, fanotify, POSIX message queues, pidfds and
 * sched_getscheduler, with real and wild arguments.
 *   tp_fsapi basic     run with the default options
 *   tp_fsapi raw       run with -X raw
 *   tp_fsapi verbose   run with -X verbose
 * Results depend on the machine (privileges, the kernel's options): lines state them as the
 * calls returned them.
 */
#include "expect.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/fanotify.h>
#include <linux/landlock.h>
#include <linux/mount.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static pid_t me;
static int style; /* 0: names, 1: -X raw, 2: -X verbose */

/* A constant in the -X style: its name, its number, or both. */
static const char *c(const char *num, const char *name)
{
	static char bufs[8][256];
	static unsigned next;
	char *b = bufs[next++ % 8];

	if (style == 0)
		return name;
	if (style == 1)
		return num;
	snprintf(b, sizeof(bufs[0]), "%s /* %s */", num, name);
	return b;
}

static void mount_api(void)
{
	long fs, n;

	fs = syscall(SYS_fsopen, "tmpfs", FSOPEN_CLOEXEC);
	xp_line(me, "fsopen(\"tmpfs\", %s) = %s", c("0x1", "FSOPEN_CLOEXEC"), xp_res(fs));
	n = syscall(SYS_fsopen, "tmpfs", 2);
	xp_line(me, "fsopen(\"tmpfs\", %s) = %s", style == 1 ? "0x2" : "0x2 /* FSOPEN_??? */",
		xp_res(n));
	n = syscall(SYS_fsconfig, fs, FSCONFIG_SET_STRING, "size", "1m", 0);
	xp_line(me, "fsconfig(%ld, %s, \"size\", \"1m\", 0) = %s", fs,
		c("0x1", "FSCONFIG_SET_STRING"), xp_res(n));
	n = syscall(SYS_fsconfig, fs, FSCONFIG_SET_BINARY, "k", "abc", 3);
	xp_line(me, "fsconfig(%ld, %s, \"k\", \"\\x61\\x62\\x63\", 3) = %s", fs,
		c("0x2", "FSCONFIG_SET_BINARY"), xp_res(n));
	n = syscall(SYS_fsconfig, fs, FSCONFIG_SET_PATH, "p", "/tmp", AT_FDCWD);
	xp_line(me, "fsconfig(%ld, %s, \"p\", \"/tmp\", %s) = %s", fs,
		c("0x3", "FSCONFIG_SET_PATH"), c("-100", "AT_FDCWD"), xp_res(n));
	n = syscall(SYS_fsconfig, fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0);
	xp_line(me, "fsconfig(%ld, %s, NULL, NULL, 0) = %s", fs, c("0x6", "FSCONFIG_CMD_CREATE"),
		xp_res(n));
	n = syscall(SYS_fsmount, fs, FSMOUNT_CLOEXEC, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID);
	xp_line(me, "fsmount(%ld, %s, %s) = %s", fs, c("0x1", "FSMOUNT_CLOEXEC"),
		c("0x3", "MOUNT_ATTR_RDONLY|MOUNT_ATTR_NOSUID"), xp_res(n));
	if (n >= 0)
		close((int)n);
	n = syscall(SYS_open_tree, AT_FDCWD, "/tmp", OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);
	xp_line(me, "open_tree(%s, \"/tmp\", %s) = %s", c("-100", "AT_FDCWD"),
		c("0x80001", "OPEN_TREE_CLONE|OPEN_TREE_CLOEXEC"), xp_res(n));
	if (n >= 0)
		close((int)n);
	n = syscall(SYS_move_mount, AT_FDCWD, "/tp-none", AT_FDCWD, "/tp-none2", 0x400);
	xp_line(me, "move_mount(%s, \"/tp-none\", %s, \"/tp-none2\", %s) = %s",
		c("-100", "AT_FDCWD"), c("-100", "AT_FDCWD"),
		style == 1 ? "0x400" : "0x400 /* MOVE_MOUNT_??? */", xp_res(n));
	struct mount_attr ma = {MOUNT_ATTR_RDONLY, MOUNT_ATTR_NOEXEC, MS_PRIVATE, 0};
	n = syscall(SYS_mount_setattr, AT_FDCWD, "/tp-none", AT_RECURSIVE, &ma, sizeof(ma));
	xp_line(me,
		"mount_setattr(%s, \"/tp-none\", %s, {attr_set=%s, attr_clr=%s, propagation=%s, "
		"userns_fd=0}, 32) = %s",
		c("-100", "AT_FDCWD"), c("0x8000", "AT_RECURSIVE"), c("0x1", "MOUNT_ATTR_RDONLY"),
		c("0x8", "MOUNT_ATTR_NOEXEC"), c("0x40000", "MS_PRIVATE"), xp_res(n));
	close((int)fs);
}

static void landlock_fanotify(void)
{
	struct landlock_ruleset_attr ra = {LANDLOCK_ACCESS_FS_EXECUTE |
					   LANDLOCK_ACCESS_FS_READ_FILE};
	struct landlock_path_beneath_attr pb = {LANDLOCK_ACCESS_FS_EXECUTE, -1};
	long rs, n;

	n = syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
	xp_line(me, "landlock_create_ruleset(NULL, 0, %s) = %s",
		c("0x1", "LANDLOCK_CREATE_RULESET_VERSION"), xp_res(n));
	rs = syscall(SYS_landlock_create_ruleset, &ra, sizeof(ra.handled_access_fs), 0);
	xp_line(me, "landlock_create_ruleset({handled_access_fs=%s}, 8, 0) = %s",
		c("0x5", "LANDLOCK_ACCESS_FS_EXECUTE|LANDLOCK_ACCESS_FS_READ_FILE"), xp_res(rs));
	n = syscall(SYS_landlock_add_rule, rs, LANDLOCK_RULE_PATH_BENEATH, &pb, 0);
	xp_line(me, "landlock_add_rule(%ld, %s, {allowed_access=%s, parent_fd=-1}, 0) = %s", rs,
		c("0x1", "LANDLOCK_RULE_PATH_BENEATH"), c("0x1", "LANDLOCK_ACCESS_FS_EXECUTE"),
		xp_res(n));
	n = syscall(SYS_landlock_add_rule, rs, 7, &pb, 0);
	xp_line(me, "landlock_add_rule(%ld, %s, %p, 0) = %s", rs,
		style == 1 ? "0x7" : "0x7 /* LANDLOCK_RULE_??? */", (void *)&pb, xp_res(n));
	if (rs >= 0)
		close((int)rs);
	n = syscall(SYS_fanotify_init, FAN_CLASS_CONTENT | FAN_CLOEXEC, O_RDONLY);
	xp_line(me, "fanotify_init(%s, %s) = %s",
		style == 0   ? "FAN_CLASS_CONTENT|FAN_CLOEXEC"
		: style == 1 ? "0x4|0x1"
			     : "0x4 /* FAN_CLASS_CONTENT */|0x1 /* FAN_CLOEXEC */",
		c("0", "O_RDONLY"), xp_res(n));
	n = syscall(SYS_fanotify_mark, -1, FAN_MARK_ADD | FAN_MARK_ONLYDIR,
		    (unsigned long long)(FAN_OPEN | FAN_CLOSE_WRITE | FAN_ONDIR), AT_FDCWD, "/tmp");
	xp_line(me, "fanotify_mark(-1, %s, %s, %s, \"/tmp\") = %s",
		c("0x9", "FAN_MARK_ADD|FAN_MARK_ONLYDIR"),
		c("0x40000028", "FAN_CLOSE_WRITE|FAN_OPEN|FAN_ONDIR"), c("-100", "AT_FDCWD"),
		xp_res(n));
}

static void queues_pidfds(void)
{
	struct timespec ts = {1, 5};
	struct sigevent se;
	long n, pf;

	n = syscall(SYS_mq_open, "tp-none", O_RDONLY, 0600, NULL);
	xp_line(me, "mq_open(\"tp-none\", %s) = %s", c("0", "O_RDONLY"), xp_res(n));
	n = syscall(SYS_mq_timedsend, -1, "msg", 3, 1, &ts);
	xp_line(me, "mq_timedsend(-1, \"msg\", 3, 1, {tv_sec=1, tv_nsec=5}) = %s", xp_res(n));
	memset(&se, 0, sizeof(se));
	se.sigev_notify = SIGEV_SIGNAL;
	se.sigev_signo = SIGUSR1;
	n = syscall(SYS_mq_notify, -1, &se);
	xp_line(me, "mq_notify(-1, {sigev_signo=%s, sigev_notify=%s}) = %s", c("10", "SIGUSR1"),
		c("0", "SIGEV_SIGNAL"), xp_res(n));
	pf = syscall(SYS_pidfd_open, me, O_NONBLOCK);
	xp_line(me, "pidfd_open(%d, %s) = %s", me, c("0x800", "PIDFD_NONBLOCK"), xp_res(pf));
	n = syscall(SYS_pidfd_send_signal, pf, 0, NULL, 0);
	xp_line(me, "pidfd_send_signal(%ld, 0, NULL, 0) = %s", pf, xp_res(n));
	if (pf >= 0)
		close((int)pf);
	n = syscall(SYS_sched_getscheduler, 0);
	if (n == 0)
		xp_line(me, "sched_getscheduler(0) = 0 (SCHED_OTHER)");
}

static int run(int s)
{
	style = s;
	mount_api();
	landlock_fanotify();
	queues_pidfds();
	return 0;
}

static int run_basic(void)
{
	return run(0);
}

static int run_raw(void)
{
	return run(1);
}

static int run_verbose(void)
{
	return run(2);
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {
		{"basic", run_basic}, {"raw", run_raw}, {"verbose", run_verbose}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_fsapi", argc, argv, modes);
}
