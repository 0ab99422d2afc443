/* -D, -DD, -DDD: the command runs where the tracer would have, the tracer off to the side.
 *   tp_daemon ids CODE   states its own pid, parent, process group and session and its
 *                        tracer's (TracerPid from /proc), a getppid() line, and exits CODE
 *   tp_daemon pause      the same facts, then waits in pause() for a signal to end it
 * The test compares the facts with the processes it started (it_daemon.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "expect.h"

static char **args;

/* Fields 4, 5, 6 of /proc/PID/stat: parent, process group, session (after "(comm)"). */
static int stat_ids(long pid, long *ppid, long *pgid, long *sid)
{
	char path[64], buf[512];
	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	FILE *f = fopen(path, "r");
	size_t n = f ? fread(buf, 1, sizeof(buf) - 1, f) : 0;

	if (f)
		fclose(f);
	buf[n] = '\0';
	char *end = strrchr(buf, ')');
	if (!end || sscanf(end + 1, " %*c %ld %ld %ld", ppid, pgid, sid) != 3)
		return -1;
	return 0;
}

static void state_ids(void)
{
	pid_t me = getpid();
	long tracer = xp_status_field("TracerPid: %ld"), tppid = -1, tpgid = -1, tsid = -1;

	xp_info(me, "pid", "%d", (int)me);
	xp_info(me, "pgid", "%d", (int)getpgid(0));
	xp_info(me, "sid", "%d", (int)getsid(0));
	xp_info(me, "tracer", "%ld", tracer);
	if (tracer > 0 && stat_ids(tracer, &tppid, &tpgid, &tsid) == 0) {
		xp_info(me, "tracer_ppid", "%ld", tppid);
		xp_info(me, "tracer_pgid", "%ld", tpgid);
		xp_info(me, "tracer_sid", "%ld", tsid);
	}
	/* The parent as the trace shows it: the test's process, not ptrc. */
	long ppid = syscall(SYS_getppid);
	xp_info(me, "ppid", "%ld", ppid);
	xp_line(me, "getppid() = %ld", ppid);
}

static int run_ids(void)
{
	state_ids();
	return args[2] ? atoi(args[2]) : 0;
}

static int run_pause(void)
{
	state_ids();
	xp_flush();
	pause(); /* the test's SIGINT ends it */
	return 3;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {
		{"ids", run_ids},
		{"pause", run_pause},
		{NULL, NULL},
	};
	xp_init();
	args = argv;
	xp_main("tp_daemon", argc, argv, modes);
}
