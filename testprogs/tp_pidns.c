/* Pids in a new pid namespace (--pidns-translation, tests/integration/it_opts.c).
 *   tp_pidns
 * Unshares CLONE_NEWPID and forks: the child is pid 1 there; it calls getpid, forks a
 * grandchild (pid 2 there) and kill(2, 0)s it.  Prints "child=PID" (PID in the caller's
 * namespace) and exits 0; exits 77 when no pid namespace can be made (not root).
 */
#include <sched.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	if (unshare(CLONE_NEWPID) < 0)
		return 77;
	pid_t c = fork();
	if (c < 0)
		return 1;
	if (c == 0) {
		syscall(SYS_getpid);
		pid_t g = fork();
		if (g == 0)
			_exit(0);
		syscall(SYS_kill, g, 0);
		waitpid(g, NULL, 0);
		_exit(0);
	}
	printf("child=%d\n", (int)c);
	fflush(stdout);
	int st;
	waitpid(c, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}
